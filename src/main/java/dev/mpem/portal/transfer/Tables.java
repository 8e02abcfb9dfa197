package dev.mpem.portal.transfer;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The tables an export carries, in an order where every table comes after the tables it refers
 * to, with their columns and types. Reference data (the model) and sessions are not exported: the
 * model comes from the migrations, sessions are not worth moving.
 */
final class Tables {

    enum Type {
        LONG, INT, STRING, BOOLEAN, DATE, TIMESTAMP
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

    static final String USERS = "users";

    static final List<Table> ALL = List.of(
            table("organisations", "id", Map.of(), Map.of(), "id:LONG", "name:STRING", "name_key:STRING",
                    "industry:STRING", "contact:STRING", "notes:STRING", "created_at:TIMESTAMP",
                    "updated_at:TIMESTAMP", "version:LONG", "reassess_months:INT", "last_completed_on:DATE",
                    "next_assessment_due:DATE"),
            table(USERS, "id", Map.of(), Map.of(), "id:LONG", "username:STRING", "display_name:STRING",
                    "password_hash:STRING", "role:STRING", "enabled:BOOLEAN", "failed_attempts:INT",
                    "locked_until:TIMESTAMP", "created_at:TIMESTAMP", "updated_at:TIMESTAMP", "version:LONG",
                    "time_zone:STRING"),
            table("user_organisations", null, Map.of("user_id", USERS, "organisation_id", "organisations"), Map.of(),
                    "user_id:LONG", "organisation_id:LONG"),
            table("assessments", "id", Map.of("organisation_id", "organisations",
                    "previous_assessment_id", "assessments"), Map.of(), "id:LONG", "organisation_id:LONG",
                    "title:STRING", "assessed_on:DATE", "assessor:STRING", "participants:STRING", "status:STRING",
                    "completed_at:TIMESTAMP", "completed_by:STRING", "created_at:TIMESTAMP", "updated_at:TIMESTAMP",
                    "version:LONG", "previous_assessment_id:LONG"),
            table("assessment_focus_outcomes", null, Map.of("assessment_id", "assessments"), Map.of(),
                    "assessment_id:LONG", "outcome_code:STRING"),
            table("ratings", "id", Map.of("assessment_id", "assessments"), Map.of(), "id:LONG", "assessment_id:LONG",
                    "dimension_code:STRING", "current_level:INT", "target_level:INT", "notes:STRING", "version:LONG",
                    "updated_at:TIMESTAMP", "updated_by:STRING", "confidence:STRING", "agreement:STRING"),
            table("assessment_reopenings", "id", Map.of("assessment_id", "assessments"), Map.of(), "id:LONG",
                    "assessment_id:LONG", "reopened_at:TIMESTAMP", "reopened_by:STRING", "reason:STRING"),
            table("share_links", "id", Map.of("assessment_id", "assessments"), Map.of(), "id:LONG",
                    "assessment_id:LONG", "token_hash:STRING", "token_hint:STRING", "created_by:STRING",
                    "created_at:TIMESTAMP", "expires_at:TIMESTAMP", "revoked_at:TIMESTAMP", "revoked_by:STRING",
                    "use_count:LONG", "last_used_at:TIMESTAMP"),
            table("workshops", "id", Map.of("assessment_id", "assessments"), Map.of(), "id:LONG",
                    "assessment_id:LONG", "join_code:STRING", "anonymous:BOOLEAN", "status:STRING",
                    "current_dimension:STRING", "opened_by:STRING", "opened_at:TIMESTAMP", "closed_by:STRING",
                    "closed_at:TIMESTAMP", "version:LONG"),
            table("workshop_reveals", null, Map.of("workshop_id", "workshops"), Map.of(), "workshop_id:LONG",
                    "dimension_code:STRING", "revealed_at:TIMESTAMP", "rating_version:LONG"),
            table("workshop_participants", "id", Map.of("workshop_id", "workshops"), Map.of(), "id:LONG",
                    "workshop_id:LONG", "display_name:STRING", "name_key:STRING", "browser_key:STRING",
                    "joined_at:TIMESTAMP"),
            table("workshop_votes", "id", Map.of("workshop_id", "workshops", "participant_id", "workshop_participants"),
                    Map.of(), "id:LONG", "workshop_id:LONG", "participant_id:LONG", "dimension_code:STRING",
                    "current_level:INT", "target_level:INT", "reason:STRING", "voted_at:TIMESTAMP"),
            table("audit_events", "id", Map.of(), Map.of("organisation_id", "organisations",
                    "assessment_id", "assessments"), "id:LONG", "occurred_at:TIMESTAMP", "actor:STRING",
                    "action:STRING", "organisation_id:LONG", "assessment_id:LONG", "summary:STRING"));

    /** The exported table of this name. */
    static java.util.Optional<Table> named(String name) {
        return ALL.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    private Tables() {
    }

    private static Table table(String name, String id, Map<String, String> references,
            Map<String, String> softReferences, String... columns) {
        return new Table(name, id, Arrays.stream(columns).map(spec -> {
            String[] parts = spec.split(":");
            return new Column(parts[0], Type.valueOf(parts[1]));
        }).toList(), references, softReferences);
    }
}
