package dev.mpem.portal.account;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface UserAccountRepository extends JpaRepository<UserAccount, Long> {

    Optional<UserAccount> findByUsername(String username);

    Optional<UserAccount> findByOidcIssuerAndOidcSubject(String oidcIssuer, String oidcSubject);

    /** Enabled accounts of the roles given, without their grants (one statement). */
    @org.springframework.data.jpa.repository.Query("select new dev.mpem.portal.account.Colleague(u.id, u.displayName)"
            + " from UserAccount u where u.enabled = true and u.role in :roles order by lower(u.displayName), u.id")
    java.util.List<Colleague> colleagues(@org.springframework.data.repository.query.Param("roles")
            java.util.Collection<Role> roles);

    List<UserAccount> findAllByOrderByUsername();

    /** Usernames and display names of these accounts, in one statement. */
    @Query("select u.username, u.displayName from UserAccount u where u.username in :usernames")
    List<Object[]> displayNamesOf(java.util.Collection<String> usernames);

    long countByRoleAndEnabledTrue(Role role);

    @Query("select o from UserAccount u join u.organisationIds o where u.username = :username")
    List<Long> organisationIdsOf(String username);

    /** Counts a failed sign-in in one statement, so that parallel attempts are all counted. */
    @Modifying
    @Query("update UserAccount u set u.failedAttempts = u.failedAttempts + 1 where u.username = :username")
    int countFailure(String username);

    @Modifying
    @Query("""
            update UserAccount u set u.lockedUntil = :until, u.failedAttempts = 0
            where u.username = :username and u.failedAttempts >= :limit""")
    int lockIfOverLimit(String username, int limit, Instant until);

    boolean existsByLastSignedInAtIsNotNull();

    /** Counts an attempt before its password is checked; the row stays locked until the count commits. */
    @Modifying
    @Query("update UserAccount u set u.failedAttempts = u.failedAttempts + 1 where u.username = :username")
    int reserveAttempt(String username);

    @Query("select u.failedAttempts from UserAccount u where u.username = :username")
    Optional<Integer> attemptsOf(String username);

    @Query("select u.lockedUntil from UserAccount u where u.username = :username")
    Optional<Instant> lockedUntilOf(String username);

    /** Gives back an attempt that was counted but never checked. */
    @Modifying
    @Query("update UserAccount u set u.failedAttempts = u.failedAttempts - 1 where u.username = :username and u.failedAttempts > 0")
    int releaseAttempt(String username);

    @Modifying(clearAutomatically = true)
    @Query("update UserAccount u set u.failedAttempts = 0, u.lockedUntil = null where u.id = :id")
    int unlock(long id);

    @Modifying
    @Query("update UserAccount u set u.lastSignedInAt = :at where u.username = :username")
    int recordSignIn(String username, Instant at);

    @Modifying
    @Query("update UserAccount u set u.failedAttempts = 0 where u.username = :username and u.failedAttempts > 0")
    int resetFailures(String username);
}
