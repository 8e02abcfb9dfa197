/**
 * Helpers every module may use: text cleaning, CSV, SVG, times in the reader's zone, the
 * error types and bodies that pages and the API answer with, flash messages. Depends on no module.
 */
@ApplicationModule(displayName = "Shared", type = ApplicationModule.Type.OPEN)
package dev.mpem.portal.shared;

import org.springframework.modulith.ApplicationModule;
