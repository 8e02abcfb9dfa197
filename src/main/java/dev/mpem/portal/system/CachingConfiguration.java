package dev.mpem.portal.system;

import org.springframework.cache.annotation.EnableCaching;
import org.springframework.context.annotation.Configuration;

/** Spring's caching, with Caffeine as the store (the caches are named in application.properties). */
@Configuration(proxyBeanMethods = false)
@EnableCaching
class CachingConfiguration {
}
