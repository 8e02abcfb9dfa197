/**
 * Export of all data to one JSON file and its import into an empty portal.
 */
@ApplicationModule(displayName = "Data transfer", allowedDependencies = "shared")
package dev.mpem.portal.transfer;

import org.springframework.modulith.ApplicationModule;
