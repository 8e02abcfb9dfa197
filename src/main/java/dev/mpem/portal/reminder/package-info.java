/**
 * Reminders by e-mail: a daily job (once across instances) writes to an organisation's contact
 * e-mail and its consultants when a re-assessment or an action falls due; each address can
 * unsubscribe. Reads the other modules' tables through SQL only.
 */
@ApplicationModule(displayName = "Reminders", allowedDependencies = "shared")
package dev.mpem.portal.reminder;

import org.springframework.modulith.ApplicationModule;
