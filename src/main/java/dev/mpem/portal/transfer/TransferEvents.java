package dev.mpem.portal.transfer;

import java.util.List;
import java.util.Map;

import dev.mpem.portal.shared.Audited;
import dev.mpem.portal.shared.Phrase;

/** Data leaving or entering the portal, published for whoever records it (the audit trail). */
public final class TransferEvents {

    private TransferEvents() {
    }

    public record DataExported(boolean withPasswordHashes) implements Audited {
        public String action() { return "DATA_EXPORTED"; }
        public Phrase details() {
            return Phrase.of(withPasswordHashes ? "audit.DATA_EXPORTED.hashes" : "audit.DATA_EXPORTED");
        }
    }

    /** Rows imported, per table. */
    public record DataImported(Map<String, Integer> counts) implements Audited {
        public String action() { return "DATA_IMPORTED"; }
        public Phrase details() {
            // In words, the tables that had rows ("31 organisations, 990 ratings"), as the import page says it.
            List<Object> parts = counts.entrySet().stream().filter(e -> e.getValue() > 0)
                    .map(e -> (Object) Phrase.of("transfer.count." + e.getKey(), e.getValue())).toList();
            return Phrase.of("audit.DATA_IMPORTED", parts.isEmpty() ? Phrase.of("audit.nothing") : parts);
        }
    }
}
