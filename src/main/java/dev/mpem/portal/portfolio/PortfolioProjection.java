package dev.mpem.portal.portfolio;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import dev.mpem.portal.assessment.AssessmentEvents;
import dev.mpem.portal.model.Category;
import dev.mpem.portal.model.Dimension;
import dev.mpem.portal.model.ModelService;
import dev.mpem.portal.model.Mpem;
import dev.mpem.portal.organisation.OrganisationEvents;
import dev.mpem.portal.transfer.TransferEvents;

/**
 * The portfolio's read model, {@code portfolio_entries}: one row per organisation with a completed
 * assessment, holding its latest one (latest date, then highest id), its industry, names and the
 * current and target level of each dimension in a column of its own, with the category and overall
 * averages. Statistics over thousands of organisations then read one narrow table instead of
 * finding each organisation's latest assessment and pivoting its ratings on every request.
 *
 * <p>An organisation's row is rebuilt in the transaction of every change that can move it (an
 * assessment completed or reopened, its details changed, the organisation's details changed: the
 * listeners require the publisher's transaction), so it never disagrees with what was committed;
 * an import rebuilds every row. A rebuild that changes anything moves
 * {@code portfolio_state.version}, which caches of figures drawn from the portfolio key on.
 * V14__portfolio_entries.sql creates the table and fills it with the same statement.
 */
@Component
class PortfolioProjection {

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");

    private final JdbcTemplate jdbc;
    private final ModelService models;

    PortfolioProjection(JdbcTemplate jdbc, ModelService models) {
        this.jdbc = jdbc;
        this.models = models;
    }

    /** The column of a dimension's current (or target) level. */
    static String levelColumn(Dimension dimension, boolean current) {
        return column(dimension.code()) + (current ? "_current" : "_target");
    }

    static String averageColumn(Category category) {
        return column(category.code()) + "_average";
    }

    private static String column(String code) {
        if (!CODE.matcher(code).matches()) {
            throw new IllegalStateException("Not a model code: " + code);
        }
        return code.toLowerCase(Locale.ROOT);
    }

    private static String literal(String code) {
        column(code);
        return "'" + code + "'";
    }

    /** The statement that fills the table from the assessments, for one organisation or (null) all. */
    static String fill(Mpem model, boolean oneOrganisation) {
        List<String> columns = new ArrayList<>(List.of("organisation_id", "assessment_id", "assessed_on", "industry",
                "industry_other", "name", "name_key", "title"));
        List<String> values = new ArrayList<>(List.of("l.organisation_id", "l.id", "l.assessed_on", "o.industry",
                "o.industry_other", "o.name", "o.name_key", "l.title"));
        for (Dimension dimension : model.dimensions()) {
            for (boolean current : new boolean[] { true, false }) {
                columns.add(levelColumn(dimension, current));
                values.add("max(case when r.dimension_code = " + literal(dimension.code()) + " then r."
                        + (current ? "current_level" : "target_level") + " end)");
            }
        }
        for (Category category : model.categories()) {
            columns.add(averageColumn(category));
            values.add("avg(case when r.dimension_code in (" + String.join(", ",
                    category.dimensions().stream().map(d -> literal(d.code())).toList())
                    + ") then cast(r.current_level as double precision) end)");
        }
        columns.add("overall_average");
        values.add("avg(cast(r.current_level as double precision))");
        return "insert into portfolio_entries (" + String.join(", ", columns) + ") select " + String.join(", ", values)
                + " from (select a.id, a.organisation_id, a.assessed_on, a.title, row_number() over"
                + " (partition by a.organisation_id order by a.assessed_on desc, a.id desc) as position"
                + " from assessments a where a.status = 'COMPLETED'"
                + (oneOrganisation ? " and a.organisation_id = ?" : "") + ") l"
                + " join organisations o on o.id = l.organisation_id"
                + " left join ratings r on r.assessment_id = l.id where l.position = 1"
                + " group by l.organisation_id, l.id, l.assessed_on, o.industry, o.industry_other, o.name, o.name_key, l.title";
    }

    /**
     * Rebuilds one organisation's row (in the caller's transaction), and moves the version only when
     * the row changed, so that edits that move nothing (a contact, a draft's title) keep every cached
     * figure. The organisation's row is locked first: two changes of one organisation rebuild one after
     * the other (the second sees the first's row), and every path takes the organisation before the
     * version, so none waits for the other crosswise.
     */
    public void refresh(long organisationId) {
        jdbc.queryForList("select id from organisations where id = ? for update", organisationId);
        List<Map<String, Object>> before = row(organisationId);
        jdbc.update("delete from portfolio_entries where organisation_id = ?", organisationId);
        jdbc.update(fill(models.model(), true), organisationId);
        if (!before.equals(row(organisationId))) {
            jdbc.update("update portfolio_state set version = version + 1 where id = 1");
        }
    }

    private List<Map<String, Object>> row(long organisationId) {
        return jdbc.queryForList("select * from portfolio_entries where organisation_id = ?", organisationId);
    }

    /** Rebuilds every row (in the caller's transaction: an import). */
    public void rebuild() {
        jdbc.update("delete from portfolio_entries");
        jdbc.update(fill(models.model(), false));
        jdbc.update("update portfolio_state set version = version + 1 where id = 1");
    }

    /** Changes with every rebuild: a part of the key of anything cached from the portfolio. */
    long version() {
        Long version = jdbc.queryForObject("select version from portfolio_state where id = 1", Long.class);
        return version == null ? 0 : version;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void completed(AssessmentEvents.AssessmentCompleted event) {
        refresh(event.organisationId());
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void reopened(AssessmentEvents.AssessmentReopened event) {
        refresh(event.organisationId());
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void detailsChanged(AssessmentEvents.AssessmentDetailsChanged event) {
        refresh(event.organisationId());
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void organisationChanged(OrganisationEvents.OrganisationChanged event) {
        refresh(event.organisationId());
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void imported(TransferEvents.DataImported event) {
        rebuild();
    }
}
