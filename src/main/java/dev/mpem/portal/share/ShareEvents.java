package dev.mpem.portal.share;

import java.time.Instant;

import dev.mpem.portal.shared.Audited;
import dev.mpem.portal.shared.Phrase;

/** What happens to read-only links, published for whoever records it (the audit trail). */
public final class ShareEvents {

    private ShareEvents() {
    }

    /** A link created; {@code tokenHint} is the start of its token, never the whole. */
    public record ShareLinkCreated(Long organisationId, Long assessmentId, String tokenHint, long days, Instant expiresAt)
            implements Audited {
        public String action() { return "SHARE_CREATED"; }
        public Phrase details() { return Phrase.of("audit.SHARE_CREATED", tokenHint, days, expiresAt); }
    }

    public record ShareLinkRevoked(Long organisationId, Long assessmentId, String tokenHint) implements Audited {
        public String action() { return "SHARE_REVOKED"; }
        public Phrase details() { return Phrase.of("audit.SHARE_REVOKED", tokenHint); }
    }
}
