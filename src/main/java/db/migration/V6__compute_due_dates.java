package db.migration;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Fills the due dates of organisations that already had completed assessments. Month arithmetic
 * differs between H2 and PostgreSQL SQL, so it is done here with java.time, as the portal does.
 */
public class V6__compute_due_dates extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        var connection = context.getConnection();
        try (PreparedStatement latest = connection.prepareStatement("""
                select o.id, o.reassess_months,
                       (select max(a.assessed_on) from assessments a
                        where a.organisation_id = o.id and a.status = 'COMPLETED') as last_completed
                from organisations o""");
                PreparedStatement update = connection.prepareStatement(
                        "update organisations set last_completed_on = ?, next_assessment_due = ? where id = ?");
                ResultSet rows = latest.executeQuery()) {
            while (rows.next()) {
                Date lastCompleted = rows.getDate("last_completed");
                if (lastCompleted == null) {
                    continue;
                }
                LocalDate due = lastCompleted.toLocalDate().plusMonths(rows.getInt("reassess_months"));
                update.setDate(1, lastCompleted);
                update.setDate(2, Date.valueOf(due));
                update.setLong(3, rows.getLong("id"));
                update.addBatch();
            }
            update.executeBatch();
        }
    }
}
