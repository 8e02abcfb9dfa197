/**
 * Web security: the filter chain, sessions shared by all instances, throttling of failed
 * sign-ins, ending the sessions of changed accounts.
 */
@ApplicationModule(displayName = "Security", allowedDependencies = { "account", "shared" })
package dev.mpem.portal.security;

import org.springframework.modulith.ApplicationModule;
