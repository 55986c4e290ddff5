/**
 * The registry of people and households every programme enrols from: identity (with NIK and KK encrypted at rest),
 * address, disability, guardian, household and family card history, welfare decile, consent and lawful basis,
 * duplicate detection and merging, fuzzy search, bulk import and export, and sealing identifiers again when the
 * encryption key is rotated. It does not own enrolments or services;
 * programmes ask {@link id.peduli.registry.Registry} whether a purpose is covered and react to its events.
 */
@ApplicationModule(
        allowedDependencies = {"shared", "platform", "region", "organization", "access", "audit", "indicator"})
package id.peduli.registry;

import org.springframework.modulith.ApplicationModule;
