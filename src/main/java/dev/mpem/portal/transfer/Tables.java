package dev.mpem.portal.transfer;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.springframework.stereotype.Component;

/**
 * The tables an export carries, in an order where every table comes after the tables it refers
 * to, with their columns and types. Only the tables, their ids and references are declared here;
 * the columns and their types are read from the database itself, so a column added by a migration
 * is exported and imported without anyone remembering to list it. Reference data (the model) and
 * sessions are not exported: the model comes from the migrations, sessions are not worth moving.
 */
@Component
class Tables {

    enum Type {
        LONG(Types.BIGINT), INT(Types.INTEGER), STRING(Types.VARCHAR), BOOLEAN(Types.BOOLEAN), DATE(Types.DATE),
        TIMESTAMP(Types.TIMESTAMP);

        private final int sqlType;

        Type(int sqlType) {
            this.sqlType = sqlType;
        }

        /** The JDBC type a null of this type is bound as. */
        int sqlType() {
            return sqlType;
        }
    }

    record Column(String name, Type type) {
    }

    /**
     * @param id the generated id column, or null
     * @param references column to the table whose id it holds
     * @param softReferences like references, but the row stays (with null) when the target is gone
     */
    record Table(String name, String id, List<Column> columns, Map<String, String> references,
            Map<String, String> softReferences) {

        Column column(String name) {
            return columns.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
        }
    }

    /** A table as declared: what the database's metadata does not say. */
    private record Declared(String name, String id, Map<String, String> references, Map<String, String> softReferences) {
    }

    static final String USERS = "users";

    /**
     * Tables of the database that are deliberately not exported: the model (from the migrations),
     * sessions, the portfolio's read model (rebuilt from the imported assessments), personal API
     * tokens (credentials: their owners make new ones in the portal they move to), and the reminder
     * job's own book-keeping (which day it ran, which reminders went out).
     */
    static final Set<String> NOT_EXPORTED = Set.of("categories", "dimensions", "levels", "level_descriptors",
            "outcomes", "outcome_scenarios", "outcome_dimensions", "flyway_schema_history", "web_sessions",
            "portfolio_entries", "portfolio_state", "api_tokens", "job_runs", "reminders_sent");

    private static final List<Declared> DECLARED = List.of(
            new Declared("organisations", "id", Map.of(), Map.of()),
            new Declared(USERS, "id", Map.of(), Map.of()),
            new Declared("user_organisations", null, Map.of("user_id", USERS, "organisation_id", "organisations"), Map.of()),
            new Declared("organisation_consultants", null, Map.of("user_id", USERS, "organisation_id", "organisations"),
                    Map.of()),
            new Declared("mail_recipients", null, Map.of(), Map.of()),
            new Declared("assessments", "id", Map.of("organisation_id", "organisations",
                    "previous_assessment_id", "assessments"), Map.of()),
            new Declared("assessment_focus_outcomes", null, Map.of("assessment_id", "assessments"), Map.of()),
            new Declared("ratings", "id", Map.of("assessment_id", "assessments"), Map.of()),
            new Declared("assessment_reopenings", "id", Map.of("assessment_id", "assessments"), Map.of()),
            new Declared("action_items", "id", Map.of("assessment_id", "assessments", "carried_from", "action_items"),
                    Map.of()),
            new Declared("action_dismissals", null, Map.of("assessment_id", "assessments"), Map.of()),
            new Declared("share_links", "id", Map.of("assessment_id", "assessments"), Map.of()),
            new Declared("workshops", "id", Map.of("assessment_id", "assessments"), Map.of()),
            new Declared("workshop_reveals", null, Map.of("workshop_id", "workshops"), Map.of()),
            new Declared("workshop_participants", "id", Map.of("workshop_id", "workshops"), Map.of()),
            new Declared("workshop_votes", "id", Map.of("workshop_id", "workshops",
                    "participant_id", "workshop_participants"), Map.of()),
            new Declared("audit_events", "id", Map.of(), Map.of("organisation_id", "organisations",
                    "assessment_id", "assessments")));

    private final DataSource dataSource;
    private volatile List<Table> all;

    Tables(DataSource dataSource, Flyway migrated) {
        this.dataSource = dataSource;
    }

    /** Every exported table, in the order they are exported and imported. */
    List<Table> all() {
        List<Table> tables = all;
        if (tables == null) {
            tables = read();
            all = tables;
        }
        return tables;
    }

    /** The tables whose ids other rows refer to: an import remembers the new ids of these only. */
    Set<String> referenced() {
        Set<String> names = new TreeSet<>();
        all().forEach(table -> {
            names.addAll(table.references().values());
            names.addAll(table.softReferences().values());
        });
        return names;
    }

    /** The exported table of this name. */
    Optional<Table> named(String name) {
        return all().stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /** Every table of the database's schema, lower case, whether exported or not. */
    Set<String> inDatabase() {
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData metadata = connection.getMetaData();
            Set<String> names = new TreeSet<>();
            try (ResultSet rs = metadata.getTables(connection.getCatalog(), connection.getSchema(), "%",
                    new String[] { "TABLE" })) {
                while (rs.next()) {
                    names.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
                }
            }
            return names;
        }
        catch (SQLException e) {
            throw new IllegalStateException("Could not read the tables of the database", e);
        }
    }

    private List<Table> read() {
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData metadata = connection.getMetaData();
            List<Table> tables = new ArrayList<>();
            for (Declared declared : DECLARED) {
                String name = metadata.storesUpperCaseIdentifiers() ? declared.name().toUpperCase(Locale.ROOT)
                        : declared.name();
                List<Column> columns = new ArrayList<>();
                try (ResultSet rs = metadata.getColumns(connection.getCatalog(), connection.getSchema(), name, "%")) {
                    while (rs.next()) {
                        String column = rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT);
                        columns.add(new Column(column, type(declared.name(), column, rs.getInt("DATA_TYPE"))));
                    }
                }
                if (columns.isEmpty()) {
                    throw new IllegalStateException("The table " + declared.name() + " is not in the database");
                }
                tables.add(new Table(declared.name(), declared.id(), List.copyOf(columns), declared.references(),
                        declared.softReferences()));
            }
            return List.copyOf(tables);
        }
        catch (SQLException e) {
            throw new IllegalStateException("Could not read the columns of the exported tables", e);
        }
    }

    private static Type type(String table, String column, int sqlType) {
        return switch (sqlType) {
            case Types.BIGINT -> Type.LONG;
            case Types.INTEGER, Types.SMALLINT, Types.TINYINT -> Type.INT;
            case Types.VARCHAR, Types.CHAR, Types.LONGVARCHAR, Types.CLOB, Types.NVARCHAR, Types.NCHAR -> Type.STRING;
            case Types.BOOLEAN, Types.BIT -> Type.BOOLEAN;
            case Types.DATE -> Type.DATE;
            case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> Type.TIMESTAMP;
            default -> throw new IllegalStateException("The column " + table + "." + column + " has the SQL type "
                    + sqlType + ", which an export cannot carry yet: add it to Tables.type");
        };
    }
}
