package dev.mpem.portal.system;

import dev.mpem.portal.account.CurrentUser;
import dev.mpem.portal.account.Role;

/**
 * Who is looking at a page, as its templates need it: which links and buttons to show. (The access
 * rules themselves are in the security configuration and the services; hiding a link only spares
 * the user a refusal.) Worked out once per request, instead of a security expression per link.
 *
 * @param signedIn whether anyone is signed in
 * @param admin an administrator
 * @param editor an administrator or a consultant: may change organisations, assessments and plans
 * @param executive has the executive role
 */
public record Viewer(boolean signedIn, boolean admin, boolean editor, boolean executive) {

    static Viewer of(CurrentUser user) {
        if (user.authentication().isEmpty()) {
            return new Viewer(false, false, false, false);
        }
        boolean admin = user.has(Role.ADMIN);
        return new Viewer(true, admin, admin || user.has(Role.CONSULTANT), user.has(Role.EXECUTIVE));
    }
}
