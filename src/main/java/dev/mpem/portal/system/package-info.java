/**
 * Configuration, error pages and bodies, request limits, and what every page shows (the
 * signed-in user, the model).
 */
@ApplicationModule(displayName = "System", allowedDependencies = { "account", "model", "shared" })
package dev.mpem.portal.system;

import org.springframework.modulith.ApplicationModule;
