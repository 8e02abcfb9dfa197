package dev.mpem.portal.account;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ApiTokenRepository extends JpaRepository<ApiToken, Long> {

    Optional<ApiToken> findByTokenHash(String tokenHash);

    List<ApiToken> findByUserIdOrderByCreatedAtDescIdDesc(long userId);

    @Query("select count(t) from ApiToken t where t.userId = :userId and t.revokedAt is null and t.expiresAt > :now")
    long countActive(@Param("userId") long userId, @Param("now") Instant now);

    /** Revokes every token of the account still in force (its access ended, or its password was reset). */
    @Modifying
    @Query("update ApiToken t set t.revokedAt = :now, t.revokedBy = :by where t.userId = :userId and t.revokedAt is null")
    int revokeAllOf(@Param("userId") long userId, @Param("now") Instant now, @Param("by") String by);

    /** One statement per use: counted without reading the row again. */
    @Modifying
    @Query("update ApiToken t set t.useCount = t.useCount + 1, t.lastUsedAt = :now where t.id = :id")
    int recordUse(@Param("id") long id, @Param("now") Instant now);
}
