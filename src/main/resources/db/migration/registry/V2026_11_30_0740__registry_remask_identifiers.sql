-- Masked NIK and KK numbers show the first four digits only (ADR 6). The old form also showed the serial (the last
-- four digits), the one part of the number that a row's region, birth date and sex do not give away. The stored mask
-- keeps the first four digits, so the new mask is rebuilt from it; the merge log's snapshots are masked the same way.
update registry.person
set nik_masked = left(nik_masked, 4) || repeat('•', char_length(nik_masked) - 4)
where nik_masked is not null and char_length(nik_masked) > 4;

update registry.kk_history
set kk_masked = left(kk_masked, 4) || repeat('•', char_length(kk_masked) - 4)
where char_length(kk_masked) > 4;

update registry.merge_log
set snapshot = jsonb_set(snapshot, '{nik}',
        to_jsonb(left(snapshot ->> 'nik', 4) || repeat('•', char_length(snapshot ->> 'nik') - 4)))
where jsonb_typeof(snapshot -> 'nik') = 'string' and char_length(snapshot ->> 'nik') > 4;
