/**
 * The case core that programmes share: programmes, enrolments of registry people with their stage history (the house's
 * example of a state machine), assessments from versioned templates, plans with goals, activities, referrals and each
 * worker's caseload. Programme modules (the sheltered workshop, child welfare) build on {@link
 * id.peduli.casework.Enrolments} and {@link id.peduli.casework.Programmes} and add due things to the caseload through
 * {@link id.peduli.casework.CaseloadDueSource}.
 */
@ApplicationModule(allowedDependencies = {"shared", "platform", "organization", "access", "audit", "registry"})
package id.peduli.casework;

import org.springframework.modulith.ApplicationModule;
