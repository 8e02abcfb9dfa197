/**
 * The audit trail: it listens to the features' {@link dev.mpem.portal.shared.Audited} events in their transaction and stores
 * a code with arguments per entry; the pages render them as words.
 */
@ApplicationModule(displayName = "Audit trail", allowedDependencies = { "account", "assessment", "shared" })
package dev.mpem.portal.audit;

import org.springframework.modulith.ApplicationModule;
