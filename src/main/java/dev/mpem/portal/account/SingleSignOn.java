package dev.mpem.portal.account;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Single sign-on with an OpenID Connect provider, as the {@code portal.sso.*} properties set it up:
 * on when an issuer and a client id are given. Which role a person gets follows the groups the
 * provider names in one claim of the ID token, at every sign-in: a group listed for ADMIN wins over
 * one for CONSULTANT, which wins over one for EXECUTIVE; a person in none of them is refused.
 */
@Component
public class SingleSignOn {

    /** The client registration's id, in the portal's addresses (/oauth2/authorization/sso). */
    public static final String REGISTRATION = "sso";

    private final String issuerUri;
    private final String clientId;
    private final String clientSecret;
    private final String groupsClaim;
    private final Set<String> adminGroups;
    private final Set<String> consultantGroups;
    private final Set<String> executiveGroups;
    private final String buttonLabel;

    SingleSignOn(@Value("${portal.sso.issuer-uri:}") String issuerUri,
            @Value("${portal.sso.client-id:}") String clientId,
            @Value("${portal.sso.client-secret:}") String clientSecret,
            @Value("${portal.sso.groups-claim:groups}") String groupsClaim,
            @Value("${portal.sso.admin-groups:}") List<String> adminGroups,
            @Value("${portal.sso.consultant-groups:}") List<String> consultantGroups,
            @Value("${portal.sso.executive-groups:}") List<String> executiveGroups,
            @Value("${portal.sso.button-label:Sign in with single sign-on}") String buttonLabel) {
        this.issuerUri = issuerUri.strip();
        this.clientId = clientId.strip();
        this.clientSecret = clientSecret;
        this.groupsClaim = groupsClaim.strip();
        this.adminGroups = cleaned(adminGroups);
        this.consultantGroups = cleaned(consultantGroups);
        this.executiveGroups = cleaned(executiveGroups);
        this.buttonLabel = buttonLabel;
    }

    private static Set<String> cleaned(List<String> groups) {
        return groups.stream().map(String::strip).filter(group -> !group.isEmpty())
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    public boolean enabled() {
        return !issuerUri.isEmpty() && !clientId.isEmpty();
    }

    public String issuerUri() {
        return issuerUri;
    }

    public String clientId() {
        return clientId;
    }

    public String clientSecret() {
        return clientSecret;
    }

    public String groupsClaim() {
        return groupsClaim;
    }

    public String buttonLabel() {
        return buttonLabel;
    }

    /** The role the groups give, or null when none of them is mapped to one. */
    public Role roleFor(Collection<String> groups) {
        if (groups.stream().anyMatch(adminGroups::contains)) {
            return Role.ADMIN;
        }
        if (groups.stream().anyMatch(consultantGroups::contains)) {
            return Role.CONSULTANT;
        }
        if (groups.stream().anyMatch(executiveGroups::contains)) {
            return Role.EXECUTIVE;
        }
        return null;
    }
}
