package dev.mpem.portal.workshop;

import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.mpem.portal.report.ReportInputs;
import dev.mpem.portal.report.RevealedVotes;
import dev.mpem.portal.report.Tally;

/** What workshops add to an assessment's report: the revealed votes, and their part of the report's cache key. */
@Component
class WorkshopsInReports implements ReportInputs, RevealedVotes {

    private final WorkshopService workshops;
    private final JdbcClient jdbc;

    WorkshopsInReports(WorkshopService workshops, JdbcClient jdbc) {
        this.workshops = workshops;
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, Tally> of(long assessmentId) {
        return workshops.revealedVotes(assessmentId);
    }

    /** Changes with every workshop change, reveal and vote on the assessment (one query). */
    @Override
    public String version(long assessmentId) {
        return jdbc.sql("""
                select (select count(*) || ':' || coalesce(sum(w.version), 0) from workshops w
                        where w.assessment_id = :id)
                       || ':' || (select count(*) from workshop_reveals v join workshops w2 on w2.id = v.workshop_id
                                  where w2.assessment_id = :id)
                       || ':' || (select count(*) from workshop_votes t join workshops w3 on w3.id = t.workshop_id
                                  where w3.assessment_id = :id)""")
                .param("id", assessmentId)
                .query(String.class)
                .single();
    }
}
