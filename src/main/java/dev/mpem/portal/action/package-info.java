/**
 * Action plans: who does what by when to close an assessment's gaps, suggested from the paper's
 * level descriptors, carried into the next assessment while open, exported to work trackers and
 * calendars.
 */
@ApplicationModule(displayName = "Action plans", allowedDependencies = { "assessment", "model", "account", "shared" })
package dev.mpem.portal.action;

import org.springframework.modulith.ApplicationModule;
