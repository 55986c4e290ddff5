/**
 * System C, the public service innovation competition (SINOVIK / KIPP): competition periods and their rubric,
 * innovations that persist across years, proposals per period as a state machine ({@link
 * id.peduli.innovation.ProposalState}) from the unit's draft through agency verification, administrative selection,
 * assessment, the Top 99 with its public objection window, presentation, field verification and the final plenary,
 * with announcements, decrees, certificates and notifications. The pure selection algorithms (assignment,
 * normalisation, quota-constrained Top-N, near-duplicates) live in the sub-package {@code selection}. The competition
 * holds no registry data.
 */
@ApplicationModule(allowedDependencies = {"shared", "platform", "organization", "access", "audit"})
package id.peduli.innovation;

import org.springframework.modulith.ApplicationModule;
