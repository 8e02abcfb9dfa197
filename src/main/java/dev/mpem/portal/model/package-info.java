/**
 * The MPEM paper as reference data: categories, dimensions, levels with their descriptors and
 * the business outcomes (Table 2). Read-only at run time; depends on no feature.
 */
@ApplicationModule(displayName = "Model", allowedDependencies = "shared")
package dev.mpem.portal.model;

import org.springframework.modulith.ApplicationModule;
