/**
 * System C, the public service innovation competition (SINOVIK / KIPP): competition periods and their rubric,
 * innovations that persist across years, proposals per period as a state machine ({@link
 * id.peduli.innovation.proposal.ProposalState}) from the unit's draft through agency verification, administrative
 * selection, assessment, the Top 99 with its public objection window, presentation, field verification and the final
 * plenary, with announcements, decrees, certificates and notifications. The competition holds no registry data.
 *
 * <p>This package holds what every stage shares (roles, scope check, audit actions, {@code Actor}, menu entries); each
 * stage serves its own pages. The stages are sub-packages, internal to the module: {@code period} (S0 set-up),
 * {@code proposal} (S1–S3 innovations and proposals), {@code selection} (the administrative selection and the pure
 * algorithms: assignment, normalisation, quota-constrained Top-N, near-duplicates), {@code evaluation} (S4
 * assignment and scoring), {@code award} (S5–S9 panel, objections, decrees, presentation, field verification,
 * catalogue, replications), {@code notification} (inbox and e-mail) and {@code demo} (the demo seed).
 */
@ApplicationModule(allowedDependencies = {"shared", "platform", "organization", "access", "audit"})
package id.peduli.innovation;

import org.springframework.modulith.ApplicationModule;
