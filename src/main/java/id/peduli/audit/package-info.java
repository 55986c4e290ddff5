/**
 * The append-only processing log: every view, change, export and sign-in of personal or administrative data, with
 * purpose and origin. Other modules write to it only through {@link id.peduli.audit.AuditLog}; it knows nothing of
 * their data.
 */
@ApplicationModule(allowedDependencies = {"shared", "platform"})
package id.peduli.audit;

import org.springframework.modulith.ApplicationModule;
