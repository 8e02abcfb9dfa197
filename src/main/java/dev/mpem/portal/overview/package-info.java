/**
 * The pages composed above the features: the dashboard, the organisations list and an
 * organisation's page with its timeline.
 */
@ApplicationModule(displayName = "Overview", allowedDependencies = { "organisation", "assessment", "history" })
package dev.mpem.portal.overview;

import org.springframework.modulith.ApplicationModule;
