/**
 * Who is who: accounts, roles, executives' grants, passwords, sign-in attempts and the
 * signed-in user ({@link dev.mpem.portal.account.CurrentUser}, {@link dev.mpem.portal.account.OrganisationAccess}).
 * Organisations are named through {@link dev.mpem.portal.account.GrantableOrganisations}, which the
 * organisation module implements.
 */
@ApplicationModule(displayName = "Accounts", allowedDependencies = "shared")
package dev.mpem.portal.account;

import org.springframework.modulith.ApplicationModule;
