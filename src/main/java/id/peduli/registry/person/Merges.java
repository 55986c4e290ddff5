package id.peduli.registry.person;

import id.peduli.access.Access;
import id.peduli.audit.AuditAction;
import id.peduli.audit.AuditLog;
import id.peduli.audit.AuditRecord;
import id.peduli.registry.PersonView;
import id.peduli.registry.PersonsMerged;
import id.peduli.registry.RegistryRoles;
import id.peduli.shared.BusinessException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Merging two records of one person: the survivor keeps its data and takes over what only the other had (NIK,
 * photo, household membership, consents, people it is guardian of); the other record stays, marked as merged, so
 * the merge can be explained later. Other modules move their references on {@link PersonsMerged}.
 */
@Service
class Merges {

    private final JdbcClient jdbc;
    private final People people;
    private final Access access;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final JsonMapper json = JsonMapper.builder().build();

    Merges(JdbcClient jdbc, People people, Access access, AuditLog audit, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.people = people;
        this.access = access;
        this.audit = audit;
        this.events = events;
    }

    /**
     * Checks the scope of both records before anything else: a record the user cannot read is "not found" (404, the
     * answer a missing id gets); one they can read but not merge is refused (403). Only then are the records loaded and
     * the reason checked.
     */
    void requireMergeable(long survivorId, Long mergedId) {
        long survivorUnit = people.requireScope(survivorId, RegistryRoles.READ);
        Long mergedUnit = mergedId == null ? null : people.requireScope(mergedId, RegistryRoles.READ);
        if (!access.covers(survivorUnit, RegistryRoles.MERGE)
                || (mergedUnit != null && !access.covers(mergedUnit, RegistryRoles.MERGE))) {
            throw new BusinessException(403, null, "merge.notAllowed");
        }
    }

    @Transactional
    PersonView merge(long survivorId, long mergedId, String reason) {
        requireMergeable(survivorId, mergedId);
        if (survivorId == mergedId) {
            throw BusinessException.invalid("otherId", "merge.same");
        }
        if (reason == null || reason.trim().length() < 10 || reason.length() > 500) {
            throw BusinessException.invalid("reason", "merge.reasonInvalid");
        }
        PersonView survivor = people.view(survivorId);
        PersonView merged = people.view(mergedId);
        if (survivor.mergedInto() != null || merged.mergedInto() != null) {
            throw BusinessException.conflict("otherId", "merge.alreadyMerged");
        }
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("fullName", merged.fullName());
        snapshot.put("otherNames", merged.otherNames());
        snapshot.put("sex", merged.sex());
        snapshot.put("birthDate", String.valueOf(merged.birthDate()));
        snapshot.put("birthYear", merged.birthYear());
        snapshot.put("nik", nikMasked(mergedId));
        snapshot.put("regionCode", merged.regionCode());
        snapshot.put("orgUnitId", merged.orgUnitId());
        snapshot.put("externalId", merged.externalId());

        jdbc.sql("update registry.person set merged_into = ?, version = version + 1, updated_at = now() where id = ?")
                .params(survivorId, mergedId)
                .update();
        jdbc.sql("""
                        update registry.person s set nik_cipher = m.nik_cipher, nik_hash = m.nik_hash,
                            nik_masked = m.nik_masked
                        from registry.person m
                        where s.id = :survivor and m.id = :merged and s.nik_hash is null and m.nik_hash is not null
                        """).param("survivor", survivorId).param("merged", mergedId).update();
        jdbc.sql("update registry.person set guardian_id = ? where guardian_id = ? and id <> ?")
                .params(survivorId, mergedId, survivorId)
                .update();
        jdbc.sql("update registry.person set guardian_id = null where id = ? and guardian_id = ?")
                .params(survivorId, survivorId)
                .update();
        jdbc.sql("update registry.consent set person_id = ? where person_id = ?")
                .params(survivorId, mergedId)
                .update();
        boolean survivorHasHousehold = jdbc.sql("select count(*) from registry.household_member where person_id = ?")
                        .param(survivorId)
                        .query(Long.class)
                        .single()
                > 0;
        if (survivorHasHousehold) {
            jdbc.sql("delete from registry.household_member where person_id = ?")
                    .param(mergedId)
                    .update();
        } else {
            jdbc.sql("update registry.household_member set person_id = ? where person_id = ?")
                    .params(survivorId, mergedId)
                    .update();
        }
        jdbc.sql("""
                        update registry.person_photo set person_id = :survivor where person_id = :merged
                          and not exists (select 1 from registry.person_photo where person_id = :survivor)
                        """).param("survivor", survivorId).param("merged", mergedId).update();
        jdbc.sql("update registry.person set version = version + 1, updated_at = now() where id = ?")
                .param(survivorId)
                .update();
        String by = SecurityContextHolder.getContext().getAuthentication() == null
                ? null
                : SecurityContextHolder.getContext().getAuthentication().getName();
        jdbc.sql("""
                        insert into registry.merge_log (survivor_id, merged_id, reason, merged_by, snapshot)
                        values (?, ?, ?, ?, cast(? as jsonb))
                        """)
                .params(survivorId, mergedId, reason.trim(), by, json.writeValueAsString(snapshot))
                .update();
        audit.record(AuditRecord.of(AuditAction.MERGE, "Person", survivorId)
                .unit(survivor.orgUnitId())
                .purpose(reason.trim())
                .change("merged", null, mergedId));
        audit.record(AuditRecord.of(AuditAction.MERGE, "Person", mergedId)
                .unit(merged.orgUnitId())
                .purpose(reason.trim())
                .change("mergedInto", null, survivorId));
        events.publishEvent(new PersonsMerged(survivorId, mergedId));
        return people.view(survivorId);
    }

    /** The merges this record took part in, as survivor or as merged record, newest first. */
    List<MergeRecord> historyOf(long personId) {
        return jdbc.sql("""
                        select l.id, l.survivor_id, s.full_name as survivor_name, s.org_unit_id as survivor_unit,
                            l.merged_id, m.full_name as merged_name, m.org_unit_id as merged_unit, l.reason,
                            l.merged_by, l.merged_at
                        from registry.merge_log l
                        join registry.person s on s.id = l.survivor_id
                        join registry.person m on m.id = l.merged_id
                        where l.survivor_id = ? or l.merged_id = ? order by l.merged_at desc, l.id desc
                        """)
                .params(personId, personId)
                .query((rs, i) -> {
                    boolean survivorShown = access.covers(rs.getLong("survivor_unit"), RegistryRoles.READ);
                    boolean mergedShown = access.covers(rs.getLong("merged_unit"), RegistryRoles.READ);
                    return new MergeRecord(
                            rs.getLong("id"),
                            survivorShown ? rs.getLong("survivor_id") : null,
                            survivorShown ? rs.getString("survivor_name") : null,
                            mergedShown ? rs.getLong("merged_id") : null,
                            mergedShown ? rs.getString("merged_name") : null,
                            rs.getString("reason"),
                            rs.getString("merged_by"),
                            rs.getObject("merged_at", java.time.OffsetDateTime.class)
                                    .toInstant());
                })
                .list();
    }

    private String nikMasked(long personId) {
        List<String> rows = jdbc.sql("select nik_masked from registry.person where id = ?")
                .param(personId)
                .query((rs, i) -> rs.getString(1))
                .list();
        return rows.isEmpty() ? null : rows.get(0);
    }
}
