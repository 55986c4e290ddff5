/**
 * Small value types every module may use: business errors with a translatable message key and paged results.
 * It owns no data and no behaviour of any business capability.
 */
@ApplicationModule(
        type = ApplicationModule.Type.OPEN,
        allowedDependencies = {})
package id.peduli.shared;

import org.springframework.modulith.ApplicationModule;
