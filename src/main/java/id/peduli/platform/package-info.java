/**
 * The platform every module stands on: the embedded or external PostgreSQL, the run mode (demo or not), the web
 * shell (layout model, navigation, language, formatting, error pages, API problem details), OpenAPI and the clock.
 * It owns no business data.
 */
@ApplicationModule(allowedDependencies = "shared")
package id.peduli.platform;

import org.springframework.modulith.ApplicationModule;
