/**
 * Client organisations: their details, re-assessment cadence and due dates.
 */
@ApplicationModule(displayName = "Organisations", allowedDependencies = { "account", "shared" })
package dev.mpem.portal.organisation;

import org.springframework.modulith.ApplicationModule;
