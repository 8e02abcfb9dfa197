package dev.mpem.portal.workshop;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface WorkshopRepository extends JpaRepository<Workshop, Long> {

    Optional<Workshop> findByJoinCode(String joinCode);

    /** With their reveals, fetched in the same query. */
    @EntityGraph(attributePaths = "reveals")
    List<Workshop> findByAssessmentIdOrderByOpenedAtDesc(long assessmentId);

    /** For a vote: votes run side by side, but wait for (and are refused after) a reveal. */
    @Lock(LockModeType.PESSIMISTIC_READ)
    @Query("select w from Workshop w where w.joinCode = :joinCode")
    Optional<Workshop> findForVote(String joinCode);

    /** For a reveal, a move or a close: waits for the votes under way. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select w from Workshop w where w.id = :id")
    Optional<Workshop> findForChange(long id);
}
