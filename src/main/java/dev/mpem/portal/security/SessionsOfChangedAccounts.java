package dev.mpem.portal.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import dev.mpem.portal.account.AccountAccessChanged;

/**
 * Ends the stored sessions of an account whose access was cut (disabled, another role, a grant
 * removed) or whose password changed. Sessions live in the shared session store, found by the
 * principal's name, so this holds for every instance at once.
 */
@Component
class SessionsOfChangedAccounts {

    private static final Logger log = LoggerFactory.getLogger(SessionsOfChangedAccounts.class);

    private final FindByIndexNameSessionRepository<? extends Session> sessions;

    SessionsOfChangedAccounts(FindByIndexNameSessionRepository<? extends Session> sessions) {
        this.sessions = sessions;
    }

    /** After the change is committed, so that a session signing in again meanwhile already sees it. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void endSessions(AccountAccessChanged change) {
        var ended = sessions.findByPrincipalName(change.username()).keySet().stream()
                .filter(id -> !id.equals(change.keepSession())).toList();
        ended.forEach(sessions::deleteById);
        if (!ended.isEmpty()) {
            log.info("Ended {} session(s) of {} after a change to the account", ended.size(), change.username());
        }
    }
}
