/**
 * The tree of organisation units (ministries, directorates, technical units, sites, community groups, local
 * governments, state enterprises and other agencies) with their region and 3T flag. It does not own people or
 * users; access decides who may act for which unit by asking {@link id.peduli.organization.Organizations}.
 */
@ApplicationModule(allowedDependencies = {"shared", "platform", "region", "audit"})
package id.peduli.organization;

import org.springframework.modulith.ApplicationModule;
