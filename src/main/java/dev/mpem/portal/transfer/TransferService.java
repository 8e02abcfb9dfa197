package dev.mpem.portal.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.flywaydb.core.Flyway;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import dev.mpem.portal.shared.ConflictException;
import dev.mpem.portal.shared.InvalidInputException;
import dev.mpem.portal.shared.NotTextException;
import dev.mpem.portal.shared.Text;
import dev.mpem.portal.shared.Words;

import tools.jackson.databind.json.JsonMapper;

/**
 * Moves all of the portal's data between databases as one JSON document: organisations,
 * assessments with their ratings, reopenings, share links and workshops, the audit trail and the
 * accounts (password hashes only when asked for). Import goes into an empty portal, in one
 * transaction, and gives every row a new id while keeping every reference between rows.
 */
@Service
public class TransferService {

    static final String FORMAT = "mpem-portal-export";
    static final int FORMAT_VERSION = 1;

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;
    private final Flyway flyway;
    private final Tables tables;

    private final JsonMapper json;
    private final TransactionTemplate inOneTransaction;

    TransferService(JdbcClient jdbc, ApplicationEventPublisher events, PasswordEncoder passwordEncoder, Clock clock,
            Flyway flyway, Tables tables, JsonMapper json, PlatformTransactionManager transactionManager) {
        this.tables = tables;
        this.inOneTransaction = new TransactionTemplate(transactionManager);
        this.json = json;
        this.jdbc = jdbc;
        this.flyway = flyway;
        this.events = events;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
    }

    /** Every exported table's rows, oldest first, as JSON-ready values (instants and dates as ISO text). */
    @Transactional
    public Map<String, Object> export(boolean passwordHashes) {
        Map<String, Object> data = new LinkedHashMap<>();
        for (Tables.Table table : tables.all()) {
            List<Map<String, Object>> rows = rows(table);
            if (table.name().equals(Tables.USERS) && !passwordHashes) {
                rows.forEach(row -> row.remove("password_hash"));
            }
            data.put(table.name(), rows);
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("format", FORMAT);
        document.put("formatVersion", FORMAT_VERSION);
        document.put("schemaVersion", schemaVersion());
        document.put("exportedAt", clock.instant().toString());
        document.put("passwordHashes", passwordHashes);
        document.put("data", data);
        events.publishEvent(new TransferEvents.DataExported(passwordHashes));
        return document;
    }

    private List<Map<String, Object>> rows(Tables.Table table) {
        String columns = table.columns().stream().map(Tables.Column::name).collect(Collectors.joining(", "));
        String order = table.id() != null ? table.id()
                : table.columns().stream().map(Tables.Column::name).limit(2).collect(Collectors.joining(", "));
        return jdbc.sql("select " + columns + " from " + table.name() + " order by " + order)
                .query((rs, n) -> row(table, rs)).list();
    }

    private static Map<String, Object> row(Tables.Table table, ResultSet rs) throws SQLException {
        Map<String, Object> row = new LinkedHashMap<>();
        int index = 1;
        for (Tables.Column column : table.columns()) {
            row.put(column.name(), read(rs, index++, column.type()));
        }
        return row;
    }

    private static Object read(ResultSet rs, int index, Tables.Type type) throws SQLException {
        Object value = switch (type) {
            case LONG -> rs.getLong(index);
            case INT -> rs.getInt(index);
            case BOOLEAN -> rs.getBoolean(index);
            case STRING -> rs.getString(index);
            case DATE -> {
                LocalDate date = rs.getObject(index, LocalDate.class);
                yield date == null ? null : date.toString();
            }
            case TIMESTAMP -> {
                OffsetDateTime time = rs.getObject(index, OffsetDateTime.class);
                yield time == null ? null : time.toInstant().toString();
            }
        };
        return rs.wasNull() ? null : value;
    }

    /**
     * Imports an export, read as a stream and spooled to a temporary file (never held in memory), into
     * this portal, which must hold no organisation or assessment yet. The whole file is checked first;
     * any problem (each named by record and field) imports nothing. Accounts whose username exists here
     * already are kept as they are here; imported accounts without a password hash get an unusable
     * random password and are listed for a reset.
     */
    public ImportSummary importAll(InputStream in) throws IOException {
        Path file = Files.createTempFile("mpem-import-", ".json");
        try {
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            // The upload is on disk first: the transaction (and its connection) lasts only for the import.
            return inOneTransaction.execute(status -> importFile(file));
        }
        finally {
            Files.deleteIfExists(file);
        }
    }

    /** The same for an export already parsed (tests, and callers that hold one). */
    public ImportSummary importAll(Map<String, Object> document) {
        try {
            return importAll(new java.io.ByteArrayInputStream(json.writeValueAsBytes(document)));
        }
        catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private ImportSummary importFile(Path file) {
        ExportChecks checks = new ExportChecks();
        ExportFile.Header header = read(file, checks);
        check(header);
        checks.finish();
        if (!checks.problems().isEmpty()) {
            throw new InvalidExportException(checks.problems(), checks.problemsFound());
        }
        Integer existing = jdbc.sql("select (select count(*) from organisations) + (select count(*) from assessments)")
                .query(Integer.class).single();
        if (existing != null && existing > 0) {
            throw new NotEmptyException();
        }
        RowImporter importer = new RowImporter();
        read(file, importer);
        for (long[] link : importer.previousLinks) {
            jdbc.sql("update assessments set previous_assessment_id = ? where id = ?")
                    .param(importer.ids.get("assessments").get(link[1])).param(importer.ids.get("assessments").get(link[0]))
                    .update();
        }
        events.publishEvent(new TransferEvents.DataImported(importer.counts));
        return new ImportSummary(importer.counts, importer.needReset, importer.keptHere);
    }

    private ExportFile.Header read(Path file, ExportFile.Rows rows) {
        try {
            return ExportFile.read(json, tables, file, rows);
        }
        catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        catch (NotTextException e) {
            throw new InvalidExportException(e.explain("The file"));
        }
        catch (tools.jackson.core.JacksonException e) {
            // Said in our words, with where it went wrong; the parser's own message may quote the file.
            var where = e.getLocation();
            throw new InvalidExportException(where == null ? Words.say("transfer.notJson")
                    : Words.say("transfer.notJson.at", where.getLineNr(), where.getColumnNr()));
        }
    }

    /** The second pass: each checked row inserted with a new id, every reference mapped to the new ids. */
    private final class RowImporter implements ExportFile.Rows {

        final Map<String, Map<Long, Long>> ids = new HashMap<>();
        final Map<String, Integer> counts = new LinkedHashMap<>();
        final List<String> needReset = new ArrayList<>();
        final List<String> keptHere = new ArrayList<>();
        final List<long[]> previousLinks = new ArrayList<>();

        RowImporter() {
            tables.all().forEach(table -> {
                ids.put(table.name(), new HashMap<>());
                counts.put(table.name(), 0);
            });
        }

        @Override
        public void badTable(String name, String problem) {
            throw new InvalidExportException("data." + name, problem);
        }

        @Override
        public void row(Tables.Table table, int index, Map<String, Object> row) {
            Map<Long, Long> tableIds = ids.get(table.name());
            Map<String, Object> values = new LinkedHashMap<>(row);
            if (table.name().equals(Tables.USERS)) {
                String username = String.valueOf(values.get("username"));
                Long here = jdbc.sql("select id from users where username = ?").param(username)
                        .query(Long.class).optional().orElse(null);
                if (here != null) {
                    tableIds.put(number(values.get("id")), here);
                    keptHere.add(username);
                    return;
                }
                if (values.get("password_hash") == null) {
                    byte[] random = new byte[24];
                    new SecureRandom().nextBytes(random);
                    values.put("password_hash", passwordEncoder.encode(java.util.HexFormat.of().formatHex(random)));
                    needReset.add(username);
                }
            }
            // Keys are this release's, whatever release wrote the file.
            if (table.name().equals("organisations")) {
                values.put("name_key", Text.nameKey(String.valueOf(values.get("name"))));
            }
            if (table.name().equals("workshop_participants")) {
                values.put("name_key", Text.nameKey(String.valueOf(values.get("display_name"))));
            }
            if (table.name().equals("assessments") && values.get("previous_assessment_id") != null) {
                previousLinks.add(new long[] { number(values.get("id")), number(values.get("previous_assessment_id")) });
                values.put("previous_assessment_id", null);
            }
            remap(table, values, ids);
            Long newId;
            try {
                newId = insert(table, values);
            }
            catch (DataIntegrityViolationException e) {
                throw new InvalidExportException("data." + table.name() + "[" + index + "]", "data." + table.name()
                        + "[" + index + "]: the database refused this row (a required value is missing or a value"
                        + " is not allowed). Nothing was imported.");
            }
            if (table.id() != null) {
                tableIds.put(number(row.get(table.id())), newId);
            }
            counts.merge(table.name(), 1, Integer::sum);
        }
    }

    public record ImportSummary(Map<String, Integer> imported, List<String> accountsNeedingPasswordReset,
            List<String> accountsKeptAsHere) {
    }

    private void remap(Tables.Table table, Map<String, Object> values, Map<String, Map<Long, Long>> ids) {
        table.references().forEach((column, target) -> {
            Object old = values.get(column);
            if (old != null) {
                Long mapped = ids.get(target).get(number(old));
                if (mapped == null) {
                    throw new InvalidExportException(table.name() + "." + column + " refers to " + target + " " + old
                            + ", which the export does not contain.");
                }
                values.put(column, mapped);
            }
        });
        table.softReferences().forEach((column, target) -> {
            Object old = values.get(column);
            if (old != null) {
                values.put(column, ids.get(target).get(number(old)));
            }
        });
    }

    private Long insert(Tables.Table table, Map<String, Object> values) {
        List<Tables.Column> columns = table.columns().stream().filter(c -> !c.name().equals(table.id())).toList();
        String sql = "insert into " + table.name() + " (" + columns.stream().map(Tables.Column::name)
                .collect(Collectors.joining(", ")) + ") values (" + columns.stream().map(c -> "?")
                .collect(Collectors.joining(", ")) + ")";
        JdbcClient.StatementSpec statement = jdbc.sql(sql);
        for (Tables.Column column : columns) {
            statement = statement.param(convert(table, column, values.get(column.name())));
        }
        if (table.id() == null) {
            statement.update();
            return null;
        }
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        statement.update(keys, table.id());
        return keys.getKeyAs(Number.class).longValue();
    }

    static Object convert(Tables.Table table, Tables.Column column, Object value) {
        if (value == null) {
            return null;
        }
        try {
            return switch (column.type()) {
                case LONG -> number(value);
                case INT -> Math.toIntExact(number(value));
                case BOOLEAN -> value instanceof Boolean b ? b : Boolean.parseBoolean(String.valueOf(value));
                case STRING -> String.valueOf(value);
                case DATE -> java.sql.Date.valueOf(LocalDate.parse(String.valueOf(value)));
                case TIMESTAMP -> Timestamp.from(Instant.parse(String.valueOf(value)));
            };
        }
        catch (RuntimeException e) {
            throw new InvalidExportException(table.name() + "." + column.name() + " has an invalid value: " + value);
        }
    }

    private static long number(Object value) {
        if (value instanceof Number n) {
            return n.longValue();
        }
        return Long.parseLong(String.valueOf(value));
    }

    private void check(ExportFile.Header header) {
        if (!FORMAT.equals(header.format())) {
            throw new InvalidExportException("format", Words.say("transfer.format", FORMAT));
        }
        String here = schemaVersion();
        Object there = header.schemaVersion();
        if (!here.equals(String.valueOf(there))) {
            throw new InvalidExportException("schemaVersion", Words.say("transfer.version", String.valueOf(there), here));
        }
    }

    private String schemaVersion() {
        var current = flyway.info().current();
        return current == null ? "0" : current.getVersion().getVersion();
    }

    static class NotEmptyException extends ConflictException {
        NotEmptyException() {
            super("NOT_EMPTY", null, Words.say("transfer.notEmpty"));
        }
    }

    static class InvalidExportException extends InvalidInputException {
        InvalidExportException(String message) {
            super("file", message, null);
        }

        InvalidExportException(String field, String message) {
            super(field, message, null);
        }

        InvalidExportException(List<dev.mpem.portal.shared.FieldProblem> problems, int found) {
            super(withSummary(problems, found));
        }

        private static List<dev.mpem.portal.shared.FieldProblem> withSummary(
                List<dev.mpem.portal.shared.FieldProblem> problems, int found) {
            if (found <= problems.size()) {
                return problems;
            }
            List<dev.mpem.portal.shared.FieldProblem> all = new ArrayList<>(problems);
            all.add(new dev.mpem.portal.shared.FieldProblem("file", "\u2026 and " + (found - problems.size())
                    + " more problems of the same kinds.", null));
            return all;
        }
    }
}
