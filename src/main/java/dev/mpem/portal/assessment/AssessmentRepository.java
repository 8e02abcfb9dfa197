package dev.mpem.portal.assessment;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface AssessmentRepository extends JpaRepository<Assessment, Long> {

    /**
     * Loads an assessment for a rating save. The shared lock lets saves of different dimensions run
     * side by side but makes them wait for a completion (and a completion wait for them), so that
     * no save lands in an assessment that is completed.
     */
    @Lock(LockModeType.PESSIMISTIC_READ)
    @Query("select a from Assessment a where a.id = :id")
    Optional<Assessment> findForRatingSave(long id);

    /** Loads an assessment to complete or reopen it, excluding concurrent rating saves. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select a from Assessment a where a.id = :id")
    Optional<Assessment> findForStatusChange(long id);

    @Query("""
            select new dev.mpem.portal.assessment.AssessmentSummary(a.id, a.organisationId, a.title, a.assessedOn,
                a.status, (select count(r) from Rating r where r.assessmentId = a.id
                           and r.current is not null and r.target is not null))
            from Assessment a where a.organisationId = :organisationId
            order by a.assessedOn desc, a.id desc""")
    List<AssessmentSummary> summariesOf(long organisationId);

    @Query("select max(a.assessedOn) from Assessment a where a.organisationId = :organisationId and a.status = :status")
    java.time.LocalDate latestDate(long organisationId, AssessmentStatus status);

    List<Assessment> findByOrganisationIdOrderByAssessedOnAscIdAsc(long organisationId);

    @Query("select a.assessedOn from Assessment a where a.id = :id")
    Optional<java.time.LocalDate> assessedOn(long id);

    /** The completed assessment of the organisation just before the given date and id (latest first). */
    @Query("""
            select a.id from Assessment a
            where a.organisationId = :organisationId and a.status = :status
              and (a.assessedOn < :assessedOn or (a.assessedOn = :assessedOn and a.id < :id))
            order by a.assessedOn desc, a.id desc""")
    List<Long> completedBefore(long organisationId, java.time.LocalDate assessedOn, long id, AssessmentStatus status,
            org.springframework.data.domain.Limit limit);

    /**
     * The latest assessment (by date assessed, then by creation) of each of the organisations: one
     * pass over their assessments, numbered newest first per organisation.
     */
    @Query("""
            select new dev.mpem.portal.assessment.AssessmentSummary(x.id, x.organisationId, x.title, x.assessedOn,
                x.status, (select count(r) from Rating r where r.assessmentId = x.id
                           and r.current is not null and r.target is not null))
            from (select a.id as id, a.organisationId as organisationId, a.title as title,
                         a.assessedOn as assessedOn, a.status as status,
                         row_number() over (partition by a.organisationId order by a.assessedOn desc, a.id desc) as newest
                  from Assessment a where a.organisationId in :organisationIds) x
            where x.newest = 1""")
    List<AssessmentSummary> latestOf(java.util.Collection<Long> organisationIds);
}
