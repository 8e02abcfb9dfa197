package dev.mpem.portal.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Savepoint;
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
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import dev.mpem.portal.shared.ConflictException;
import dev.mpem.portal.shared.InvalidInputException;
import dev.mpem.portal.shared.NotTextException;
import dev.mpem.portal.shared.Text;
import dev.mpem.portal.shared.Words;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamWriteFeature;
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
    /** Rows fetched from the database at a time, on export; rows inserted per statement batch, on import. */
    static final int FETCH_SIZE = 500;

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final ApplicationEventPublisher events;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;
    private final Flyway flyway;
    private final Tables tables;

    private final JsonMapper json;
    private final TransactionTemplate inOneTransaction;
    private final TransactionTemplate readConsistently;

    TransferService(JdbcClient jdbc, JdbcTemplate jdbcTemplate, ApplicationEventPublisher events, PasswordEncoder passwordEncoder, Clock clock,
            Flyway flyway, Tables tables, JsonMapper json, PlatformTransactionManager transactionManager) {
        this.tables = tables;
        this.inOneTransaction = new TransactionTemplate(transactionManager);
        this.readConsistently = new TransactionTemplate(transactionManager);
        readConsistently.setReadOnly(true);
        readConsistently.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.json = json;
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.flyway = flyway;
        this.events = events;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
    }

    /**
     * Writes every exported table's rows, oldest first, to {@code out} as one JSON document
     * (instants and dates as ISO text). Rows go out as the database hands them over, a few hundred
     * at a time, so memory does not grow with the data; one repeatable-read transaction makes the
     * file a consistent picture even while people work. {@code out} is left open.
     */
    public void export(boolean passwordHashes, OutputStream out) {
        readConsistently.executeWithoutResult(status -> {
            try (JsonGenerator file = json.writer().without(StreamWriteFeature.AUTO_CLOSE_TARGET).createGenerator(out)) {
                file.writeStartObject();
                file.writeStringProperty("format", FORMAT);
                file.writeNumberProperty("formatVersion", FORMAT_VERSION);
                file.writeStringProperty("schemaVersion", schemaVersion());
                file.writeStringProperty("exportedAt", clock.instant().toString());
                file.writeBooleanProperty("passwordHashes", passwordHashes);
                file.writeName("data");
                file.writeStartObject();
                for (Tables.Table table : tables.all()) {
                    file.writeName(table.name());
                    file.writeStartArray();
                    writeRows(file, table, passwordHashes || !table.name().equals(Tables.USERS));
                    file.writeEndArray();
                }
                file.writeEndObject();
                file.writeEndObject();
            }
        });
        inOneTransaction.executeWithoutResult(status -> events.publishEvent(new TransferEvents.DataExported(passwordHashes)));
    }

    private void writeRows(JsonGenerator file, Tables.Table table, boolean withPasswordHash) {
        List<Tables.Column> columns = table.columns().stream()
                .filter(c -> withPasswordHash || !c.name().equals("password_hash")).toList();
        String names = columns.stream().map(Tables.Column::name).collect(Collectors.joining(", "));
        String order = table.id() != null ? table.id()
                : table.columns().stream().map(Tables.Column::name).limit(2).collect(Collectors.joining(", "));
        jdbc.sql("select " + names + " from " + table.name() + " order by " + order).withFetchSize(FETCH_SIZE)
                .query((RowCallbackHandler) rs -> {
                    file.writeStartObject();
                    int index = 1;
                    for (Tables.Column column : columns) {
                        file.writeName(column.name());
                        write(file, rs, index++, column.type());
                    }
                    file.writeEndObject();
                });
    }

    private static void write(JsonGenerator file, ResultSet rs, int index, Tables.Type type) throws SQLException {
        switch (type) {
            case LONG -> {
                long value = rs.getLong(index);
                if (rs.wasNull()) file.writeNull(); else file.writeNumber(value);
            }
            case INT -> {
                int value = rs.getInt(index);
                if (rs.wasNull()) file.writeNull(); else file.writeNumber(value);
            }
            case BOOLEAN -> {
                boolean value = rs.getBoolean(index);
                if (rs.wasNull()) file.writeNull(); else file.writeBoolean(value);
            }
            case STRING -> file.writeString(rs.getString(index));
            case DATE -> {
                LocalDate date = rs.getObject(index, LocalDate.class);
                file.writeString(date == null ? null : date.toString());
            }
            case TIMESTAMP -> {
                OffsetDateTime time = rs.getObject(index, OffsetDateTime.class);
                file.writeString(time == null ? null : time.toInstant().toString());
            }
        }
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
        ExportChecks checks = new ExportChecks(tables.referenced());
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
        importer.flush();
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

    /**
     * The second pass: each checked row inserted with a new id, every reference mapped to the new ids.
     * Rows go in by batches of a table's rows; only the new ids of rows that other rows refer to are
     * remembered (organisations, assessments and the like, not ratings), so memory grows with those.
     */
    private final class RowImporter implements ExportFile.Rows {

        final Map<String, Map<Long, Long>> ids = new HashMap<>();
        final Map<String, Integer> counts = new LinkedHashMap<>();
        final List<String> needReset = new ArrayList<>();
        final List<String> keptHere = new ArrayList<>();
        final List<long[]> previousLinks = new ArrayList<>();
        private Batch batch;

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
            if (batch != null && batch.table != table) {
                flush();
            }
            Map<String, Object> values = new HashMap<>(row);
            if (table.name().equals(Tables.USERS)) {
                String username = String.valueOf(values.get("username"));
                Long here = jdbc.sql("select id from users where username = ?").param(username)
                        .query(Long.class).optional().orElse(null);
                if (here != null) {
                    ids.get(table.name()).put(number(values.get("id")), here);
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
            // A row referring to an earlier row of its own table (an action carried on) needs that row's new id.
            table.references().forEach((column, target) -> {
                if (batch != null && target.equals(table.name()) && values.get(column) != null
                        && !ids.get(target).containsKey(number(values.get(column)))) {
                    flush();
                }
            });
            remap(table, values, ids);
            if (batch == null) {
                batch = new Batch(table, tables.referenced().contains(table.name()));
            }
            batch.add(index, values);
            counts.merge(table.name(), 1, Integer::sum);
            if (batch.size() >= FETCH_SIZE) {
                flush();
            }
        }

        void flush() {
            if (batch != null) {
                batch.insert(ids.get(batch.table.name()));
                batch = null;
            }
        }
    }

    /** Rows of one table waiting to be inserted together, with their indexes in the file and their old ids. */
    private final class Batch {

        final Tables.Table table;
        private final boolean keepIds;
        private final List<Tables.Column> columns;
        private final String sql;
        private final List<Object[]> rows = new ArrayList<>();
        private final List<Integer> indexes = new ArrayList<>();
        private final List<Long> oldIds = new ArrayList<>();

        Batch(Tables.Table table, boolean keepIds) {
            this.table = table;
            this.keepIds = keepIds && table.id() != null;
            this.columns = table.columns().stream().filter(c -> !c.name().equals(table.id())).toList();
            this.sql = "insert into " + table.name() + " (" + columns.stream().map(Tables.Column::name)
                    .collect(Collectors.joining(", ")) + ") values (" + columns.stream().map(c -> "?")
                    .collect(Collectors.joining(", ")) + ")";
        }

        int size() {
            return rows.size();
        }

        void add(int index, Map<String, Object> values) {
            Object[] row = new Object[columns.size()];
            for (int i = 0; i < row.length; i++) {
                row[i] = convert(table, columns.get(i), values.get(columns.get(i).name()));
            }
            rows.add(row);
            indexes.add(index);
            oldIds.add(table.id() == null ? null : number(values.get(table.id())));
        }

        /**
         * Inserts the rows as one JDBC batch, behind a savepoint: when the database refuses the batch,
         * the rows are tried one by one to name the row it refuses (the transaction then rolls back whole).
         */
        void insert(Map<Long, Long> newIds) {
            jdbcTemplate.execute((ConnectionCallback<Void>) connection -> {
                Savepoint before = connection.setSavepoint();
                try (PreparedStatement statement = prepare(connection)) {
                    for (Object[] row : rows) {
                        bind(statement, row);
                        statement.addBatch();
                    }
                    statement.executeBatch();
                    if (keepIds) {
                        try (ResultSet generated = statement.getGeneratedKeys()) {
                            for (int i = 0; generated.next(); i++) {
                                newIds.put(oldIds.get(i), generated.getLong(1));
                            }
                        }
                    }
                }
                catch (SQLException refused) {
                    connection.rollback(before);
                    throw refusedRow(connection, refused);
                }
                connection.releaseSavepoint(before);
                return null;
            });
        }

        private PreparedStatement prepare(Connection connection) throws SQLException {
            return keepIds ? connection.prepareStatement(sql, new String[] { table.id() }) : connection.prepareStatement(sql);
        }

        private InvalidExportException refusedRow(Connection connection, SQLException refused) throws SQLException {
            for (int i = 0; i < rows.size(); i++) {
                Savepoint one = connection.setSavepoint();
                try (PreparedStatement statement = connection.prepareStatement(sql)) {
                    bind(statement, rows.get(i));
                    statement.executeUpdate();
                }
                catch (SQLException e) {
                    connection.rollback(one);
                    String where = "data." + table.name() + "[" + indexes.get(i) + "]";
                    return new InvalidExportException(where, where + ": the database refused this row (a required value"
                            + " is missing or a value is not allowed). Nothing was imported.");
                }
            }
            throw refused;
        }

        private void bind(PreparedStatement statement, Object[] row) throws SQLException {
            for (int i = 0; i < row.length; i++) {
                if (row[i] == null) {
                    statement.setNull(i + 1, columns.get(i).type().sqlType());
                }
                else {
                    statement.setObject(i + 1, row[i]);
                }
            }
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
