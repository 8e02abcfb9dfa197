package dev.mpem.portal.account;

import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import dev.mpem.portal.account.ExecutiveGrants;

/**
 * Which organisations the current user may see: all of them, except for executives, who see only
 * those granted to them. Services answer "not found" for the rest, so an executive cannot even
 * learn that another organisation exists.
 */
@Component
public class OrganisationAccess {

    private final CurrentUser currentUser;
    private final ExecutiveGrants grants;

    OrganisationAccess(CurrentUser currentUser, ExecutiveGrants grants) {
        this.currentUser = currentUser;
        this.grants = grants;
    }

    /** The organisations the user is limited to, or empty when the user is not limited. */
    public Optional<Set<Long>> restriction() {
        return currentUser.isExecutive() ? Optional.of(grants.organisationsOf(currentUser.username())) : Optional.empty();
    }

    public boolean canSee(long organisationId) {
        return restriction().map(allowed -> allowed.contains(organisationId)).orElse(true);
    }
}
