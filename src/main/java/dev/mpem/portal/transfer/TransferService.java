package dev.mpem.portal.transfer;

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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.mpem.portal.audit.AuditAction;
import dev.mpem.portal.audit.AuditService;
import dev.mpem.portal.system.ConflictException;
import dev.mpem.portal.system.InvalidInputException;

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
    private final AuditService audit;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;
    private final Flyway flyway;

    TransferService(JdbcClient jdbc, AuditService audit, PasswordEncoder passwordEncoder, Clock clock, Flyway flyway) {
        this.jdbc = jdbc;
        this.flyway = flyway;
        this.audit = audit;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
    }

    /** Every exported table's rows, oldest first, as JSON-ready values (instants and dates as ISO text). */
    @Transactional
    public Map<String, Object> export(boolean passwordHashes) {
        Map<String, Object> data = new LinkedHashMap<>();
        for (Tables.Table table : Tables.ALL) {
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
        audit.record(AuditAction.DATA_EXPORTED, null, null, "All data exported"
                + (passwordHashes ? " with password hashes." : " without password hashes."));
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
     * Imports an export into this portal, which must hold no organisation or assessment yet.
     * Accounts whose username exists here already are kept as they are here; imported accounts
     * without a password hash get an unusable random password and are listed for a reset.
     */
    @Transactional
    public ImportSummary importAll(Map<String, Object> document) {
        check(document);
        Integer existing = jdbc.sql("select (select count(*) from organisations) + (select count(*) from assessments)")
                .query(Integer.class).single();
        if (existing != null && existing > 0) {
            throw new NotEmptyException();
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> data = (Map<String, Object>) document.get("data");
        Map<String, Map<Long, Long>> ids = new HashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        List<String> needReset = new ArrayList<>();
        List<String> keptHere = new ArrayList<>();
        List<long[]> previousLinks = new ArrayList<>();
        for (Tables.Table table : Tables.ALL) {
            Map<Long, Long> tableIds = new HashMap<>();
            ids.put(table.name(), tableIds);
            int imported = 0;
            for (Map<String, Object> row : rowsOf(data, table)) {
                Map<String, Object> values = new LinkedHashMap<>(row);
                if (table.name().equals(Tables.USERS)) {
                    String username = String.valueOf(values.get("username"));
                    Long here = jdbc.sql("select id from users where username = ?").param(username)
                            .query(Long.class).optional().orElse(null);
                    if (here != null) {
                        tableIds.put(number(values.get("id")), here);
                        keptHere.add(username);
                        continue;
                    }
                    if (values.get("password_hash") == null) {
                        byte[] random = new byte[24];
                        new SecureRandom().nextBytes(random);
                        values.put("password_hash", passwordEncoder.encode(java.util.HexFormat.of().formatHex(random)));
                        needReset.add(username);
                    }
                }
                if (table.name().equals("assessments") && values.get("previous_assessment_id") != null) {
                    previousLinks.add(new long[] { number(values.get("id")), number(values.get("previous_assessment_id")) });
                    values.put("previous_assessment_id", null);
                }
                remap(table, values, ids);
                Long newId = insert(table, values);
                if (table.id() != null) {
                    tableIds.put(number(row.get(table.id())), newId);
                }
                imported++;
            }
            counts.put(table.name(), imported);
        }
        for (long[] link : previousLinks) {
            jdbc.sql("update assessments set previous_assessment_id = ? where id = ?")
                    .param(ids.get("assessments").get(link[1])).param(ids.get("assessments").get(link[0])).update();
        }
        audit.record(AuditAction.DATA_IMPORTED, null, null, "Data imported: " + counts + ".");
        return new ImportSummary(counts, needReset, keptHere);
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

    private static Object convert(Tables.Table table, Tables.Column column, Object value) {
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

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rowsOf(Map<String, Object> data, Tables.Table table) {
        Object rows = data.get(table.name());
        if (rows == null) {
            return List.of();
        }
        if (!(rows instanceof List<?> list) || list.stream().anyMatch(r -> !(r instanceof Map))) {
            throw new InvalidExportException("\"" + table.name() + "\" must be a list of rows.");
        }
        return (List<Map<String, Object>>) list;
    }

    private void check(Map<String, Object> document) {
        if (document == null || !FORMAT.equals(document.get("format"))) {
            throw new InvalidExportException("This is not an export of the MPEM portal (\"format\" is not \""
                    + FORMAT + "\").");
        }
        if (!(document.get("data") instanceof Map)) {
            throw new InvalidExportException("The export has no \"data\".");
        }
        String here = schemaVersion();
        Object there = document.get("schemaVersion");
        if (!here.equals(String.valueOf(there))) {
            throw new InvalidExportException("The export was made at database version " + there + " and this portal is"
                    + " at version " + here + ". Import it into a portal of the same release.");
        }
    }

    private String schemaVersion() {
        var current = flyway.info().current();
        return current == null ? "0" : current.getVersion().getVersion();
    }

    static class NotEmptyException extends ConflictException {
        NotEmptyException() {
            super("NOT_EMPTY", null, "This portal already holds organisations or assessments. Import into an empty"
                    + " portal (a new database).");
        }
    }

    static class InvalidExportException extends InvalidInputException {
        InvalidExportException(String message) {
            super("file", message, null);
        }
    }
}
