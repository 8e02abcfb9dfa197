package dev.mpem.portal.account;

import java.util.Set;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The organisations granted to an executive. */
@Component
public class ExecutiveGrants {

    private final UserAccountRepository users;

    ExecutiveGrants(UserAccountRepository users) {
        this.users = users;
    }

    @Transactional(readOnly = true)
    public Set<Long> organisationsOf(String username) {
        return Set.copyOf(users.organisationIdsOf(UserAccount.normalise(username)));
    }
}
