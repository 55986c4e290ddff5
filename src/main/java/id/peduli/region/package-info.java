/**
 * The Kemendagri region tree (provinces, regencies and cities, districts, villages) loaded from the bundled
 * idn-area-data set: lookup, search, the region picker for forms and the region browser; it owns no addresses or
 * any other data that refers to regions.
 */
@ApplicationModule(allowedDependencies = {"shared", "platform"})
package id.peduli.region;

import org.springframework.modulith.ApplicationModule;
