package dev.mpem.portal.action;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface ActionRepository extends JpaRepository<ActionItem, Long> {

    List<ActionItem> findByAssessmentIdOrderByIdAsc(long assessmentId);

    List<ActionItem> findByAssessmentIdInOrderByIdAsc(Collection<Long> assessmentIds);

    /**
     * An item to change or delete, locked until the transaction ends: saves of the same item, and a
     * re-assessment carrying it on, take their turns, so whoever comes second sees what the first did.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select i from ActionItem i where i.id = :id")
    Optional<ActionItem> findForChange(long id);

    /** The items of a plan a re-assessment carries on, locked like {@link #findForChange}. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select i from ActionItem i where i.assessmentId = :assessmentId order by i.id")
    List<ActionItem> findForCarry(long assessmentId);
}
