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
import java.util.Set;
import java.util.stream.Collectors;

import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
 * <p>
 * Neither holds the data in memory: an export streams rows from the database into the response; an
 * import reads the file twice as a stream (checks, then rows), and rows go in by batches, or on
 * PostgreSQL by COPY while the file is read. A million ratings take well under a minute each way
 * (bench/scale.sh).
 */
@Service
public class TransferService {

    private static final Logger log = LoggerFactory.getLogger(TransferService.class);

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
    /** Imports run again with statements after PostgreSQL refused a COPY (tests tell the two paths apart). */
    final java.util.concurrent.atomic.AtomicInteger importedAgain = new java.util.concurrent.atomic.AtomicInteger();
    private final TransactionTemplate inOneTransaction;
    private final TransactionTemplate readConsistently;

    TransferService(JdbcClient jdbc, JdbcTemplate jdbcTemplate, ApplicationEventPublisher events,
            PasswordEncoder passwordEncoder, Clock clock, Flyway flyway, Tables tables, JsonMapper json, PlatformTransactionManager transactionManager) {
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
     * file a consistent picture even while people work. {@code out} is left open. The audit trail
     * records the export before it starts, so that one broken off is recorded too; one that fails
     * half-way is left cut short (not closed into valid JSON), so that no import takes it for whole.
     */
    public void export(boolean passwordHashes, OutputStream out) {
        inOneTransaction.executeWithoutResult(status -> events.publishEvent(new TransferEvents.DataExported(passwordHashes)));
        readConsistently.executeWithoutResult(status -> {
            try (JsonGenerator file = json.writer().without(StreamWriteFeature.AUTO_CLOSE_TARGET)
                    .without(StreamWriteFeature.AUTO_CLOSE_CONTENT).createGenerator(out)) {
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
            try {
                return inOneTransaction.execute(status -> importFile(file, true));
            }
            catch (CopyRefusedException e) {
                // PostgreSQL refused a row it was given by COPY, which does not say which row: the same
                // import again (nothing of the first attempt was kept) with statements, which do.
                importedAgain.incrementAndGet();
                log.info("Import: {} ({}); importing again with statements to name the row", e.getMessage(),
                        e.getCause().getMessage());
                return inOneTransaction.execute(status -> importFile(file, false));
            }
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

    /** @param copy rows nobody refers to may go in by COPY (on PostgreSQL) */
    private ImportSummary importFile(Path file, boolean copy) {
        long started = System.nanoTime();
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
        long checked = System.nanoTime();
        RowImporter importer = new RowImporter(copy, checks.rowsPerTable());
        try {
            read(file, importer);
            importer.flush();
        }
        catch (RuntimeException | Error e) {
            importer.cancel(); // a COPY left open would make the rollback wait for it for ever
            throw e;
        }
        long inserted = System.nanoTime();
        linkReassessments(importer.previousLinks, importer.ids.get("assessments"));
        long linked = System.nanoTime();
        events.publishEvent(new TransferEvents.DataImported(importer.counts));
        log.info("Import: {} rows checked in {} ms, inserted in {} ms, re-assessments linked in {} ms, recorded in {} ms",
                importer.counts.values().stream().mapToInt(Integer::intValue).sum(), (checked - started) / 1_000_000,
                (inserted - checked) / 1_000_000, (linked - inserted) / 1_000_000, (System.nanoTime() - linked) / 1_000_000);
        return new ImportSummary(importer.counts, importer.needReset, importer.keptHere);
    }

    /**
     * Each re-assessment's link to the assessment before it, set once both are in (they arrive side by
     * side, in one batch): a statement per {@value #FETCH_SIZE} links, not one per link.
     */
    private void linkReassessments(List<long[]> links, Map<Long, Long> newIds) {
        for (int from = 0; from < links.size(); from += FETCH_SIZE) {
            List<long[]> some = links.subList(from, Math.min(links.size(), from + FETCH_SIZE));
            String values = String.join(", ", java.util.Collections.nCopies(some.size(),
                    "(cast(? as bigint), cast(? as bigint))"));
            List<Object> parameters = new ArrayList<>();
            some.forEach(link -> {
                parameters.add(newIds.get(link[0]));
                parameters.add(newIds.get(link[1]));
            });
            jdbc.sql("merge into assessments a using (values " + values + ") as link (id, previous) on a.id = link.id"
                    + " when matched then update set previous_assessment_id = link.previous").params(parameters).update();
        }
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
        /** On PostgreSQL (and unless told not to): COPY, with new ids taken ahead from the tables' sequences. */
        private final boolean copy;
        private final Set<String> referenced = tables.referenced();
        private final Map<String, Integer> rowsPerTable;
        private final NewIds newIds = new NewIds();
        private Batch batch;
        private String unusablePassword;

        /** @param rowsPerTable how many rows each table has in the file (from the checks) */
        RowImporter(boolean copy, Map<String, Integer> rowsPerTable) {
            this.rowsPerTable = rowsPerTable;
            this.copy = copy && Boolean.TRUE.equals(jdbcTemplate.execute((ConnectionCallback<Boolean>) PostgresCopy::possible));
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
                    values.put("password_hash", unusablePassword());
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
            boolean copying = copy && !table.name().equals(Tables.USERS);
            boolean keepIds = table.id() != null && referenced.contains(table.name());
            if (table.name().equals("assessments") && values.get("previous_assessment_id") != null
                    && !(copying && ids.get("assessments").containsKey(number(values.get("previous_assessment_id"))))) {
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
            if (batch == null && copying && keepIds) {
                newIds.takeAhead(table, rowsPerTable.getOrDefault(table.name(), 0)); // before the table's COPY starts
            }
            if (copying && keepIds) {
                long newId = newIds.next(table);
                ids.get(table.name()).put(number(values.get(table.id())), newId);
                values.put(table.id(), newId);
            }
            if (batch == null) {
                batch = new Batch(table, keepIds, copying);
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

        /**
         * The hash of a random password nobody is told, for accounts that came without theirs: one per
         * import (a password hash costs a tenth of a second on purpose; thousands of accounts would
         * take minutes, and sharing a hash of a secret nobody has gives nothing away).
         */
        private String unusablePassword() {
            if (unusablePassword == null) {
                byte[] random = new byte[24];
                new SecureRandom().nextBytes(random);
                unusablePassword = passwordEncoder.encode(java.util.HexFormat.of().formatHex(random));
            }
            return unusablePassword;
        }

        /** After a failure: gives up a COPY in progress, so that the transaction can be rolled back. */
        void cancel() {
            if (batch != null) {
                batch.cancel();
            }
        }
    }

    /**
     * New ids taken from a table's identity sequence ahead of its rows (PostgreSQL): as many as the
     * file has rows of the table, on the import's connection before the table's COPY starts (no
     * statement can run on it during the COPY). Ids taken by an import that then fails are left
     * unused, as sequences do.
     */
    private final class NewIds {

        private final Map<String, java.util.ArrayDeque<Long>> free = new HashMap<>();

        void takeAhead(Tables.Table table, int rows) {
            java.util.ArrayDeque<Long> ids = free.computeIfAbsent(table.name(), name -> new java.util.ArrayDeque<>());
            if (ids.size() < rows) {
                jdbc.sql("select nextval(pg_get_serial_sequence(?, ?)) from generate_series(1, ?)")
                        .param(table.name()).param(table.id()).param(rows - ids.size())
                        .query((RowCallbackHandler) taken -> ids.add(taken.getLong(1)));
            }
        }

        long next(Tables.Table table) {
            Long id = free.get(table.name()).poll();
            if (id == null) {
                throw new IllegalStateException("More rows of " + table.name() + " than the checks counted");
            }
            return id;
        }
    }

    /**
     * Rows of one table waiting to be inserted together, with their indexes in the file and their old
     * ids; or, on PostgreSQL, rows of a table nobody refers to, streamed into it by COPY as they come.
     */
    private final class Batch {

        final Tables.Table table;
        private final boolean keepIds;
        private final List<Tables.Column> columns;
        /** "insert into table (columns) values " and one row's placeholders "(?, ?, ...)". */
        private final String into;
        private final String oneRow;
        private final PostgresCopy copy;
        private final List<Object[]> rows = new ArrayList<>();
        private final List<Integer> indexes = new ArrayList<>();
        private final List<Long> oldIds = new ArrayList<>();

        /**
         * @param keepIds the new ids of these rows are needed (by statements, which answer them)
         * @param copy by COPY instead; rows whose ids are needed then carry the ids taken ahead
         */
        Batch(Tables.Table table, boolean keepIds, boolean copy) {
            this.table = table;
            this.keepIds = keepIds && !copy;
            boolean withId = keepIds && copy;
            this.columns = table.columns().stream().filter(c -> withId || !c.name().equals(table.id())).toList();
            this.into = "insert into " + table.name() + " (" + columns.stream().map(Tables.Column::name)
                    .collect(Collectors.joining(", ")) + ") values ";
            this.oneRow = columns.stream().map(c -> "?").collect(Collectors.joining(", ", "(", ")"));
            this.copy = copy ? jdbcTemplate.execute((ConnectionCallback<PostgresCopy>) connection ->
                    PostgresCopy.into(connection, table.name(), columns)) : null;
        }

        int size() {
            return rows.size();
        }

        void add(int index, Map<String, Object> values) {
            Object[] row = new Object[columns.size()];
            for (int i = 0; i < row.length; i++) {
                row[i] = convert(table, columns.get(i), values.get(columns.get(i).name()));
            }
            if (copy != null) {
                try {
                    copy.add(row);
                }
                catch (SQLException e) {
                    throw refused(e);
                }
                return;
            }
            rows.add(row);
            indexes.add(index);
            oldIds.add(table.id() == null ? null : number(values.get(table.id())));
        }

        /**
         * Inserts the rows behind a savepoint: rows whose new ids are needed as one JDBC batch (each
         * statement answering its own id), the others as one statement of many rows (a statement per
         * row costs the database more than the row itself). When the database refuses them, the rows are
         * tried one by one to name the row it refuses (the transaction then rolls back whole).
         */
        void insert(Map<Long, Long> newIds) {
            if (copy != null) {
                try {
                    copy.finish();
                }
                catch (SQLException e) {
                    throw refused(e);
                }
                return;
            }
            jdbcTemplate.execute((ConnectionCallback<Void>) connection -> {
                Savepoint before = connection.setSavepoint();
                try {
                    if (keepIds) {
                        insertAnsweringIds(connection, newIds);
                    }
                    else {
                        insertAtOnce(connection);
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

        private void insertAnsweringIds(Connection connection, Map<Long, Long> newIds) throws SQLException {
            try (PreparedStatement statement = connection.prepareStatement(into + oneRow, new String[] { table.id() })) {
                for (Object[] row : rows) {
                    bind(statement, row, 0);
                    statement.addBatch();
                }
                statement.executeBatch();
                try (ResultSet generated = statement.getGeneratedKeys()) {
                    for (int i = 0; generated.next(); i++) {
                        newIds.put(oldIds.get(i), generated.getLong(1));
                    }
                }
            }
        }

        private void insertAtOnce(Connection connection) throws SQLException {
            String many = into + String.join(", ", java.util.Collections.nCopies(rows.size(), oneRow));
            try (PreparedStatement statement = connection.prepareStatement(many)) {
                for (int i = 0; i < rows.size(); i++) {
                    bind(statement, rows.get(i), i * columns.size());
                }
                statement.executeUpdate();
            }
        }

        private InvalidExportException refusedRow(Connection connection, SQLException refused) throws SQLException {
            for (int i = 0; i < rows.size(); i++) {
                Savepoint one = connection.setSavepoint();
                try (PreparedStatement statement = connection.prepareStatement(into + oneRow)) {
                    bind(statement, rows.get(i), 0);
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

        void cancel() {
            if (copy != null) {
                copy.cancel();
            }
        }

        private CopyRefusedException refused(SQLException e) {
            copy.cancel();
            return new CopyRefusedException(table.name(), e);
        }

        /** Binds a row's values to the statement's parameters after the first {@code offset}. */
        private void bind(PreparedStatement statement, Object[] row, int offset) throws SQLException {
            for (int i = 0; i < row.length; i++) {
                if (row[i] == null) {
                    statement.setNull(offset + i + 1, columns.get(i).type().sqlType());
                }
                else {
                    statement.setObject(offset + i + 1, row[i]);
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

    /** PostgreSQL refused a row of a COPY (the transaction cannot go on; the import is tried again with statements). */
    static class CopyRefusedException extends RuntimeException {
        CopyRefusedException(String table, SQLException cause) {
            super("PostgreSQL refused a row copied into " + table, cause);
        }
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
