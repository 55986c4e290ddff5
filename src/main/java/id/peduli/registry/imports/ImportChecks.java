package id.peduli.registry.imports;

import id.peduli.region.Regions;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The rules of an import that need other rows or the database, run as set-based SQL over the staging tables of
 * {@link ImportStaging}: unknown regions, duplicates within the file, matches with registered people, guardians,
 * households and KK periods, and possible duplicates. Each finding goes to {@code import_problem}; rows with an
 * error are marked not ok.
 */
@Component
class ImportChecks {

    private final JdbcClient jdbc;
    private final Regions regions;

    ImportChecks(JdbcClient jdbc, Regions regions) {
        this.jdbc = jdbc;
        this.regions = regions;
    }

    /** The rules that need other rows or the database. */
    void check(long jobId, boolean allUnits) {
        stageKnownRegions();
        problem("""
                select s.row_no, 'region_code', 'ERROR', 'region.unknown', jsonb_build_array(s.region_code)
                from import_row s
                where s.region_code is not null
                  and not exists (select 1 from import_region r where r.code = s.region_code)
                """);
        problem("""
                select s.row_no, 'nik', 'ERROR', 'import.nik.duplicateInFile', jsonb_build_array(d.first_row)
                from import_row s
                join (select nik_hash, min(row_no) as first_row from import_row where nik_hash is not null
                      group by nik_hash having count(*) > 1) d on d.nik_hash = s.nik_hash
                where s.row_no <> d.first_row
                """);
        problem("""
                select s.row_no, 'external_id', 'ERROR', 'import.externalId.duplicateInFile',
                    jsonb_build_array(d.first_row)
                from import_row s
                join (select external_id, min(row_no) as first_row from import_row where external_id is not null
                      group by external_id having count(*) > 1) d on d.external_id = s.external_id
                where s.row_no <> d.first_row
                """);

        jdbc.sql("""
                        insert into import_match (row_no, person_id, ext_id, ext_merged, ext_nik, ext_unit, nik_id,
                            nik_unit)
                        select s.row_no, coalesce(e.id, n.id), e.id, e.merged_into, e.nik_hash, e.org_unit_id, n.id,
                            n.org_unit_id
                        from import_row s
                        left join registry.person e on s.external_id is not null and e.external_id = s.external_id
                        left join registry.person n on s.nik_hash is not null and n.nik_hash = s.nik_hash
                            and n.merged_into is null
                        where e.id is not null or n.id is not null
                        """).update();
        jdbc.sql("analyze import_match").update();
        problem("""
                select m.row_no, 'external_id', 'ERROR', 'import.externalId.merged',
                    case when :all or m.ext_unit in (select unit_id from import_scope)
                         then jsonb_build_array(m.ext_merged) else jsonb_build_array('…') end
                from import_match m where m.ext_merged is not null
                """.replace(":all", allUnits ? "true" : "false"));
        problem("""
                select m.row_no, 'nik', 'ERROR', 'import.identityConflict', jsonb_build_array()
                from import_match m where m.ext_id is not null and m.nik_id is not null and m.ext_id <> m.nik_id
                """);
        problem("""
                select m.row_no, 'nik', 'ERROR', 'import.nik.differs', jsonb_build_array()
                from import_match m join import_row s using (row_no)
                where m.ext_id is not null and m.nik_id is null and m.ext_nik is not null and s.nik_hash is not null
                """);
        if (!allUnits) {
            problem("""
                    select m.row_no, case when m.ext_id is not null then 'external_id' else 'nik' end, 'ERROR',
                        'import.registeredElsewhere', jsonb_build_array()
                    from import_match m
                    where coalesce(m.ext_unit, m.nik_unit) not in (select unit_id from import_scope)
                    """);
        }

        possibleDuplicates(allUnits);

        jdbc.sql("""
                        insert into import_guardian (row_no, guardian_id, guardian_row)
                        select distinct on (s.row_no) s.row_no, m.person_id, g.row_no
                        from import_row s
                        join import_row g on g.external_id = s.guardian_external_id
                        left join import_match m on m.row_no = g.row_no
                        where s.guardian_external_id is not null
                        order by s.row_no, g.row_no
                        """).update();
        jdbc.sql("""
                        insert into import_guardian (row_no, guardian_id, guardian_row)
                        select s.row_no, p.id, null
                        from import_row s
                        join registry.person p on p.external_id = s.guardian_external_id and p.merged_into is null
                        where s.guardian_external_id is not null
                          and not exists (select 1 from import_guardian x where x.row_no = s.row_no)
                          and (:all or p.org_unit_id in (select unit_id from import_scope))
                        """).param("all", allUnits).update();
        problem("""
                select s.row_no, 'guardian_external_id', 'ERROR', 'import.guardian.notFound',
                    jsonb_build_array(s.guardian_external_id)
                from import_row s
                where s.guardian_external_id is not null
                  and not exists (select 1 from import_guardian x where x.row_no = s.row_no)
                """);

        jdbc.sql("""
                        create temp table import_membership on commit drop as
                        select s.row_no, s.household_key, hm.household_id
                        from import_row s
                        join import_match m using (row_no)
                        join registry.household_member hm on hm.person_id = m.person_id
                        where s.household_key is not null
                        """).update();
        problem("""
                select s.row_no, 'household_key', 'ERROR', 'import.household.split', jsonb_build_array(s.household_key)
                from import_row s
                where s.household_key in (select household_key from import_membership group by household_key
                                          having count(distinct household_id) > 1)
                """);
        problem("""
                select s.row_no, 'relationship_to_head', 'ERROR', 'import.household.twoHeads',
                    jsonb_build_array(s.household_key, h.heads)
                from import_row s
                join (select household_key, count(*) as heads from import_row where relationship = 'HEAD'
                      group by household_key having count(*) > 1) h on h.household_key = s.household_key
                where s.relationship = 'HEAD'
                """);
        problem("""
                select s.row_no, 'relationship_to_head', 'ERROR', 'import.household.noHead',
                    jsonb_build_array(s.household_key)
                from import_row s
                where s.household_key is not null
                  and not exists (select 1 from import_membership b where b.household_key = s.household_key)
                  and not exists (select 1 from import_row h where h.household_key = s.household_key
                                  and h.relationship = 'HEAD')
                """);
        problem("""
                select s.row_no, 'relationship_to_head', 'ERROR', 'import.household.hasHead',
                    jsonb_build_array(s.household_key)
                from import_row s
                join (select distinct household_key, household_id from import_membership) b
                    on b.household_key = s.household_key
                join registry.household_member head on head.household_id = b.household_id
                    and head.relationship = 'HEAD'
                left join import_match m on m.row_no = s.row_no
                where s.relationship = 'HEAD' and head.person_id is distinct from m.person_id
                """);
        problem("""
                select s.row_no, 'kk_number', 'ERROR', 'import.kk.differs', jsonb_build_array(s.household_key)
                from import_row s
                where s.kk_hash is not null
                  and s.household_key in (select household_key from import_row where kk_hash is not null
                                          group by household_key
                                          having count(distinct (kk_hash, kk_valid_from)) > 1)
                """);
        problem("""
                select s.row_no, 'kk_valid_from', 'ERROR', 'import.kk.overlap',
                    jsonb_build_array(k.valid_from::text, coalesce(k.valid_to::text, '…'))
                from import_row s
                join (select distinct household_key, household_id from import_membership) b
                    on b.household_key = s.household_key
                join registry.kk_history k on k.household_id = b.household_id
                where s.kk_hash is not null and s.kk_valid_from is not null
                  and not exists (select 1 from registry.kk_history same where same.household_id = b.household_id
                                  and same.kk_hash = s.kk_hash and same.valid_from = s.kk_valid_from)
                  and not (k.valid_to is null and k.valid_from < s.kk_valid_from)
                  and daterange(k.valid_from, k.valid_to, '[]') && daterange(s.kk_valid_from, null, '[]')
                """);
        markErrors();
        // A row that depends on a row with an error (its guardian, the head of its new household) can't be written.
        for (int round = 0; round < 20; round++) {
            problem("""
                    select s.row_no, 'guardian_external_id', 'ERROR', 'import.guardian.rowInvalid',
                        jsonb_build_array(g.guardian_row)
                    from import_row s join import_guardian g using (row_no)
                    join import_row gr on gr.row_no = g.guardian_row
                    where s.ok and not gr.ok
                    """);
            problem("""
                    select s.row_no, 'household_key', 'ERROR', 'import.household.headInvalid',
                        jsonb_build_array(h.row_no)
                    from import_row s
                    join import_row h on h.household_key = s.household_key and h.relationship = 'HEAD'
                        and not h.ok
                    where s.ok and s.household_key is not null and s.row_no <> h.row_no
                      and not exists (select 1 from import_membership b where b.household_key = s.household_key)
                    """);
            if (markErrors() == 0) {
                break;
            }
        }
    }

    /**
     * Warns of rows that may describe someone already registered or listed twice, as registration does: a new person
     * (no NIK or external id of the registry matched) with a similar name, the same regency and the same birth date
     * (or birth year ± 1 when either date is approximate) as a registered person, unless both have a NIK (two NIKs
     * are two people); and rows of the file with the same
     * name key, regency and birth date (or year, when approximate) that do not both carry a NIK. These are warnings:
     * the user reads them in the report and may leave such rows out of the commit. Only people the importer may read
     * are named; others are reported without their name.
     */
    private void possibleDuplicates(boolean allUnits) {
        jdbc.sql("select set_config('pg_trgm.similarity_threshold', '0.6', true)")
                .query((rs, i) -> rs.getString(1))
                .single();
        problem("""
                select distinct on (s.row_no) s.row_no, 'full_name', 'WARNING',
                    case when :all or p.org_unit_id in (select unit_id from import_scope)
                         then 'import.possibleDuplicate' else 'import.possibleDuplicateElsewhere' end,
                    case when :all or p.org_unit_id in (select unit_id from import_scope)
                         then jsonb_build_array(p.id, p.full_name) else jsonb_build_array() end
                from import_row s
                join registry.person p on p.regency_code = substr(s.region_code, 1, 5)
                    and p.birth_year between s.birth_year - 1 and s.birth_year + 1
                where s.ok and s.name_key is not null and s.region_code is not null and s.birth_year is not null
                  and p.merged_into is null
                  and (p.birth_date = s.birth_date or p.birth_date_approximate or s.birth_date is null)
                  and p.name_key operator(public.%) s.name_key
                  and (s.nik_hash is null or p.nik_hash is null)
                  and not exists (select 1 from import_match m where m.row_no = s.row_no)
                order by s.row_no, public.similarity(p.name_key, s.name_key) desc, p.id
                """.replace(":all", allUnits ? "true" : "false"));
        problem("""
                select s.row_no, 'full_name', 'WARNING', 'import.possibleDuplicateInFile', jsonb_build_array(d.first_row)
                from import_row s
                join (select name_key, substr(region_code, 1, 5) as regency, coalesce(birth_date::text, birth_year::text)
                             as born, min(row_no) as first_row, count(nik_hash) as niks, count(*) as rows
                      from import_row
                      where ok and name_key is not null and region_code is not null and birth_year is not null
                      group by 1, 2, 3 having count(*) > 1) d
                    on d.name_key = s.name_key and d.regency = substr(s.region_code, 1, 5)
                    and d.born = coalesce(s.birth_date::text, s.birth_year::text)
                where s.ok and s.row_no <> d.first_row and d.niks < d.rows
                """);
        jdbc.sql("""
                        update import_row set warn = true
                        where not warn and row_no in (select row_no from import_problem where severity = 'WARNING')
                        """).update();
    }

    /**
     * Copies the region codes of the file that name a region into {@code import_region}, asking the region module
     * rather than reading its tables.
     */
    private void stageKnownRegions() {
        List<String> codes = jdbc.sql("select distinct region_code from import_row where region_code is not null")
                .query(String.class)
                .list();
        jdbc.sql("create temp table import_region (code varchar(13) primary key) on commit drop")
                .update();
        Set<String> known = regions.existing(codes);
        if (!known.isEmpty()) {
            jdbc.sql("insert into import_region select unnest(?::varchar[])")
                    .param(known.toArray(String[]::new))
                    .update();
        }
    }

    private void problem(String select) {
        jdbc.sql("insert into import_problem (row_no, column_name, severity, message_key, message_args) " + select)
                .update();
    }

    private int markErrors() {
        return jdbc.sql("""
                        update import_row set ok = false
                        where ok and row_no in (select row_no from import_problem where severity = 'ERROR')
                        """).update();
    }

    record Counts(int valid, int errors, int warnings, int newRows, int existing) {}

    Counts counts() {
        return jdbc.sql("""
                        select count(*) filter (where s.ok) as valid,
                               count(*) filter (where not s.ok) as errors,
                               count(*) filter (where s.warn) as warnings,
                               count(*) filter (where s.ok and m.row_no is null) as new_rows,
                               count(*) filter (where s.ok and m.row_no is not null) as existing
                        from import_row s left join import_match m using (row_no)
                        """)
                .query((rs, i) -> new Counts(
                        rs.getInt("valid"),
                        rs.getInt("errors"),
                        rs.getInt("warnings"),
                        rs.getInt("new_rows"),
                        rs.getInt("existing")))
                .single();
    }
}
