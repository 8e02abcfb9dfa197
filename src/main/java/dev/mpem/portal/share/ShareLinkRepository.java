package dev.mpem.portal.share;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ShareLinkRepository extends JpaRepository<ShareLink, Long> {

    Optional<ShareLink> findByTokenHash(String tokenHash);

    List<ShareLink> findByAssessmentIdOrderByCreatedAtDesc(long assessmentId);

    /** Counts a use in one statement, so parallel views are all counted. */
    @Modifying
    @Query("update ShareLink s set s.useCount = s.useCount + 1, s.lastUsedAt = :now where s.id = :id")
    void countUse(long id, Instant now);
}
