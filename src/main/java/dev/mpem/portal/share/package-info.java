/**
 * Read-only links to a report for people without an account.
 */
@ApplicationModule(displayName = "Shared links", allowedDependencies = { "report", "assessment", "account", "shared" })
package dev.mpem.portal.share;

import org.springframework.modulith.ApplicationModule;
