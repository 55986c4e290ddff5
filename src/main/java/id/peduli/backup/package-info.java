/**
 * Backup and restore of the embedded database: a consistent snapshot of every schema in one archive with a
 * manifest (schema version, application version, rows and SHA-256 of every table), and its restore into an empty
 * data directory. The field-encryption key is never part of a backup.
 */
@ApplicationModule(allowedDependencies = {"platform", "audit", "access"})
package id.peduli.backup;

import org.springframework.modulith.ApplicationModule;
