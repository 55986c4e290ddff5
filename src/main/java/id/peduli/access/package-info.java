/**
 * Users, their roles granted per organisation unit, sign-in (form and personal access tokens), passwords and
 * lockout, and the security rules every page and endpoint relies on ({@link id.peduli.access.Access}). It does not
 * own the organisation tree; it asks the organization module.
 */
@ApplicationModule(allowedDependencies = {"shared", "platform", "organization", "audit"})
package id.peduli.access;

import org.springframework.modulith.ApplicationModule;
