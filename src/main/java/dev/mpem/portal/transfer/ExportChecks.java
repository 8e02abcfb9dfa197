package dev.mpem.portal.transfer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.mpem.portal.shared.FieldProblem;
import dev.mpem.portal.shared.Text;

/**
 * The first pass over an export: every row checked before anything is written, so that an import
 * either takes the whole file or nothing. Each problem names the record and the field
 * ({@code data.users[3].username}). Keeps only the ids of rows other rows refer to and unique keys,
 * never rows.
 */
final class ExportChecks implements ExportFile.Rows {

    static final int MAX_PROBLEMS = 50;
    private static final Set<String> ROLES = Set.of("ADMIN", "CONSULTANT", "EXECUTIVE");

    private final List<FieldProblem> problems = new ArrayList<>();
    private final Map<String, Set<Long>> ids = new HashMap<>();
    private final Map<String, Set<String>> unique = new HashMap<>();
    private final Map<Long, Long> organisationOfAssessment = new HashMap<>();
    private final Map<Long, String> previousOf = new HashMap<>();
    private final Map<Long, Long> previousAssessment = new HashMap<>();
    private final Set<String> referenced;
    private final Map<String, Set<String>> columns = new HashMap<>();
    private final Map<String, Integer> rowsPerTable = new HashMap<>();
    private int problemsFound;

    /** @param referenced the tables whose ids other rows refer to: only their ids are kept (and must be unique) */
    ExportChecks(Set<String> referenced) {
        this.referenced = referenced;
    }

    List<FieldProblem> problems() {
        return problems;
    }

    /** How many rows of each table the file has. */
    Map<String, Integer> rowsPerTable() {
        return rowsPerTable;
    }

    /** How many problems there were in all (only the first {@value #MAX_PROBLEMS} are listed). */
    int problemsFound() {
        return problemsFound;
    }

    private void problem(String field, String message) {
        problemsFound++;
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(new FieldProblem(field, field + ": " + message, null));
        }
    }

    @Override
    public void badTable(String name, String message) {
        problem("data." + name, message);
    }

    @Override
    public void row(Tables.Table table, int index, Map<String, Object> row) {
        rowsPerTable.merge(table.name(), 1, Integer::sum);
        String where = "data." + table.name() + "[" + index + "]";
        Set<String> known = columns.computeIfAbsent(table.name(),
                name -> table.columns().stream().map(Tables.Column::name).collect(java.util.stream.Collectors.toSet()));
        for (String column : row.keySet()) {
            if (!known.contains(column)) {
                problem(where + "." + column, "is not a column of " + table.name() + ".");
            }
        }
        for (Tables.Column column : table.columns()) {
            try {
                TransferService.convert(table, column, row.get(column.name()));
            }
            catch (TransferService.InvalidExportException e) {
                problem(where + "." + column.name(), "has an invalid value for " + column.type().name().toLowerCase(
                        Locale.ROOT) + ": " + Text.abbreviate(String.valueOf(row.get(column.name())), 60) + ".");
            }
        }
        Long id = null;
        if (table.id() != null) {
            id = number(row.get(table.id()));
            if (id == null) {
                problem(where + "." + table.id(), "is missing: every " + table.name() + " row needs its id.");
            }
            else if (referenced.contains(table.name())
                    && !ids.computeIfAbsent(table.name(), name -> new HashSet<>()).add(id)) {
                problem(where + "." + table.id(), "repeats the id " + id + " of an earlier row.");
            }
        }
        table.references().forEach((column, target) -> {
            Long reference = number(row.get(column));
            if (row.get(column) != null && (reference == null || !ids.getOrDefault(target, Set.of()).contains(reference))
                    && !(table.name().equals(target))) {
                problem(where + "." + column, "refers to " + target + " " + row.get(column)
                        + ", which is not in the file before this row (keep the tables in the order of the export).");
            }
        });
        switch (table.name()) {
            case Tables.USERS -> checkUser(where, row);
            case "organisations" -> checkName(where, row, "name", "name_key", "organisations");
            case "workshop_participants" -> checkName(where, row, "display_name", "name_key",
                    "participants of workshop " + row.get("workshop_id"));
            case "assessments" -> {
                if (id != null) {
                    organisationOfAssessment.put(id, number(row.get("organisation_id")));
                    if (row.get("previous_assessment_id") != null) {
                        previousOf.put(id, where + ".previous_assessment_id");
                        previousAssessment.put(id, number(row.get("previous_assessment_id")));
                    }
                }
            }
            case "ratings" -> {
                checkLevel(where, row, "current_level");
                checkLevel(where, row, "target_level");
            }
            case "workshops" -> unique(where + ".join_code", "workshops", row.get("join_code"), "join code");
            case "share_links" -> unique(where + ".token_hash", "share_links", row.get("token_hash"), "link");
            default -> {
            }
        }
    }

    /** What can only be checked once every row is read: a previous assessment of the same organisation. */
    void finish() {
        previousAssessment.forEach((assessment, previous) -> {
            Long organisation = organisationOfAssessment.get(assessment);
            if (previous == null || !organisationOfAssessment.containsKey(previous)) {
                problem(previousOf.get(assessment), "refers to assessment " + previous + ", which the file does not contain.");
            }
            else if (!organisationOfAssessment.get(previous).equals(organisation)) {
                problem(previousOf.get(assessment), "refers to assessment " + previous + " of another organisation;"
                        + " a re-assessment follows an assessment of the same organisation.");
            }
        });
    }

    private void checkUser(String where, Map<String, Object> row) {
        Object username = row.get("username");
        if (!(username instanceof String name) || name.isBlank()) {
            problem(where + ".username", "is missing.");
        }
        else if (!name.equals(name.strip().toLowerCase(Locale.ROOT)) || !name.matches("[a-z0-9._@-]{1,100}")) {
            problem(where + ".username", "\u201c" + Text.abbreviate(name, 60) + "\u201d cannot sign in: usernames are"
                    + " stored in lower case, with letters, digits and . _ @ - only.");
        }
        else {
            unique(where + ".username", "users", name, "username");
        }
        if (!ROLES.contains(String.valueOf(row.get("role")))) {
            problem(where + ".role", "must be ADMIN, CONSULTANT or EXECUTIVE.");
        }
    }

    /** A name and its key: the key must be the name's (as this or an earlier release wrote it), and unique. */
    private void checkName(String where, Map<String, Object> row, String nameColumn, String keyColumn, String scope) {
        Object name = row.get(nameColumn);
        if (!(name instanceof String text) || text.isBlank()) {
            problem(where + "." + nameColumn, "is missing.");
            return;
        }
        Object key = row.get(keyColumn);
        String earlier = text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        if (key != null && !key.equals(Text.nameKey(text)) && !key.equals(earlier)) {
            problem(where + "." + keyColumn, "\u201c" + Text.abbreviate(String.valueOf(key), 60) + "\u201d is not the"
                    + " key of the name \u201c" + Text.abbreviate(text, 60) + "\u201d.");
        }
        unique(where + "." + nameColumn, scope, Text.nameKey(text), "name");
    }

    private void checkLevel(String where, Map<String, Object> row, String column) {
        Long level = number(row.get(column));
        if (row.get(column) != null && (level == null || level < 1 || level > 5)) {
            problem(where + "." + column, "must be a level from 1 to 5.");
        }
    }

    private void unique(String where, String scope, Object value, String what) {
        if (value != null && !unique.computeIfAbsent(scope, s -> new HashSet<>()).add(String.valueOf(value))) {
            problem(where, "repeats the " + what + " \u201c" + Text.abbreviate(String.valueOf(value), 60)
                    + "\u201d of an earlier row.");
        }
    }

    private static Long number(Object value) {
        if (value instanceof Number n) {
            return n.longValue();
        }
        try {
            return value == null ? null : Long.valueOf(String.valueOf(value));
        }
        catch (NumberFormatException e) {
            return null;
        }
    }
}
