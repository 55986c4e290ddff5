package id.peduli.registry.imports;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The writes of an import commit, from the staging tables of {@link ImportStaging}: new people with a household or
 * guardian, updates of matched people, and households with their members and KK periods, each as one
 * {@code insert ... select} or {@code update ... from} statement.
 */
@Component
class ImportWriter {

    private final JdbcClient jdbc;

    ImportWriter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** New people of the second staging table (those with a household or a guardian). */
    int insertPeople(long jobId, long unit) {
        return jdbc.sql("""
                        insert into registry.person (id, org_unit_id, full_name, other_names, name_key, sex,
                            birth_place, birth_date, birth_year, birth_date_approximate, nik_cipher, nik_hash,
                            nik_masked, region_code, regency_code, rt, rw, street, phone, disability_types,
                            guardian_id, guardian_relationship, external_id, import_job_id)
                        select f.person_id, :unit, f.full_name, f.other_names, f.name_key, f.sex, f.birth_place,
                            f.birth_date, f.birth_year, f.approximate, f.nik_cipher, f.nik_hash, f.nik_masked,
                            f.region_code, f.regency_code, f.rt, f.rw, f.street, f.phone, f.disability_types,
                            g.guardian_id, case when g.guardian_id is null then null else f.guardian_relationship end,
                            f.external_id, :job
                        from import_full f left join import_guardian g using (row_no)
                        where not exists (select 1 from import_match m where m.row_no = f.row_no)
                        """).param("unit", unit).param("job", jobId).update();
    }

    /** Updates matched people whose data differ; blank cells keep what is registered. Returns how many changed. */
    int updatePeople(long jobId) {
        return jdbc.sql("""
                        with incoming as (
                            select p.id, s.full_name,
                                coalesce(s.other_names, p.other_names) as other_names,
                                case when s.other_names is null and p.other_names is not null
                                          and s.full_name = p.full_name then p.name_key
                                     else s.name_key end as name_key_candidate,
                                s.sex,
                                coalesce(s.birth_place, p.birth_place) as birth_place,
                                case when s.birth_date is not null then s.birth_date
                                     when s.birth_year = p.birth_year then p.birth_date else null end as birth_date,
                                s.birth_year,
                                case when s.birth_date is not null then false
                                     when s.birth_year = p.birth_year then p.birth_date_approximate
                                     else true end as approximate,
                                case when p.nik_hash is null then s.nik_cipher else p.nik_cipher end as nik_cipher,
                                coalesce(p.nik_hash, s.nik_hash) as nik_hash,
                                case when p.nik_hash is null then s.nik_masked else p.nik_masked end as nik_masked,
                                coalesce(s.region_code, p.region_code) as region_code,
                                case when s.region_code is null then p.regency_code else s.regency_code end
                                    as regency_code,
                                coalesce(s.rt, p.rt) as rt, coalesce(s.rw, p.rw) as rw,
                                coalesce(s.street, p.street) as street, coalesce(s.phone, p.phone) as phone,
                                case when cardinality(s.disability_types) > 0 then s.disability_types
                                     else p.disability_types end as disability_types,
                                coalesce(g.guardian_id, p.guardian_id) as guardian_id,
                                case when g.guardian_id is not null then s.guardian_relationship
                                     else p.guardian_relationship end as guardian_relationship,
                                coalesce(p.external_id, s.external_id) as external_id
                            from import_full s
                            join import_match m using (row_no)
                            join registry.person p on p.id = m.person_id
                            left join import_guardian g on g.row_no = s.row_no
                        ),
                        changed as (
                            select i.* from incoming i join registry.person p on p.id = i.id
                            where (p.full_name, p.other_names, p.sex, p.birth_place, p.birth_date, p.birth_year,
                                   p.birth_date_approximate, p.nik_hash, p.region_code, p.rt, p.rw, p.street,
                                   p.phone, p.disability_types, p.guardian_id, p.guardian_relationship,
                                   p.external_id)
                                is distinct from
                                  (i.full_name, i.other_names, i.sex, i.birth_place, i.birth_date, i.birth_year,
                                   i.approximate, i.nik_hash, i.region_code, i.rt, i.rw, i.street, i.phone,
                                   i.disability_types, i.guardian_id, i.guardian_relationship, i.external_id)
                        )
                        update registry.person p set full_name = c.full_name, other_names = c.other_names,
                            name_key = c.name_key_candidate, sex = c.sex, birth_place = c.birth_place,
                            birth_date = c.birth_date, birth_year = c.birth_year,
                            birth_date_approximate = c.approximate, nik_cipher = c.nik_cipher,
                            nik_hash = c.nik_hash, nik_masked = c.nik_masked, region_code = c.region_code,
                            regency_code = c.regency_code, rt = c.rt, rw = c.rw, street = c.street,
                            phone = c.phone, disability_types = c.disability_types, guardian_id = c.guardian_id,
                            guardian_relationship = c.guardian_relationship, external_id = c.external_id,
                            import_job_id = :job, version = p.version + 1, updated_at = now()
                        from changed c
                        where p.id = c.id
                        """).param("job", jobId).update();
    }

    /** Creates or updates households, their members and KK periods; returns how many households were touched. */
    int writeHouseholds(long unit) {
        String sequence = jdbc.sql("select pg_get_serial_sequence('registry.household', 'id')")
                .query(String.class)
                .single();
        jdbc.sql("""
                        create temp table import_household on commit drop as
                        select k.household_key, coalesce(b.household_id, nextval('%s')) as household_id,
                            b.household_id is null as is_new, k.row_no as main_row
                        from (select distinct on (household_key) household_key, row_no from import_row
                              where ok and household_key is not null
                              order by household_key, (relationship = 'HEAD') desc, row_no) k
                        left join (select distinct household_key, household_id from import_membership) b
                            on b.household_key = k.household_key
                        """.formatted(sequence)).update();
        int households = jdbc.sql("select count(*) from import_household")
                .query(Integer.class)
                .single();
        if (households == 0) {
            return 0;
        }
        jdbc.sql("""
                        create temp table import_decile on commit drop as
                        select distinct on (s.household_key) s.household_key, f.welfare_decile, f.decile_checked_on
                        from import_row s join import_full f using (row_no)
                        where s.ok and s.household_key is not null and f.welfare_decile is not null
                        order by s.household_key, (s.relationship = 'HEAD') desc, s.row_no
                        """).update();
        jdbc.sql("""
                        insert into registry.household (id, org_unit_id, region_code, rt, rw, street, welfare_decile,
                            decile_checked_on)
                        select h.household_id, :unit, f.region_code, f.rt, f.rw, f.street, d.welfare_decile,
                            d.decile_checked_on
                        from import_household h
                        join import_full f on f.row_no = h.main_row
                        left join import_decile d on d.household_key = h.household_key
                        where h.is_new
                        """).param("unit", unit).update();
        jdbc.sql("""
                        update registry.household t set welfare_decile = d.welfare_decile,
                            decile_checked_on = d.decile_checked_on, version = t.version + 1, updated_at = now()
                        from import_household h
                        join import_decile d on d.household_key = h.household_key
                        where t.id = h.household_id and not h.is_new
                          and (t.welfare_decile, t.decile_checked_on)
                              is distinct from (d.welfare_decile, d.decile_checked_on)
                        """).update();
        jdbc.sql("""
                        insert into registry.household_member (household_id, person_id, relationship)
                        select h.household_id, coalesce(m.person_id, f.person_id), s.relationship
                        from import_row s
                        join import_full f using (row_no)
                        join import_household h on h.household_key = s.household_key
                        left join import_match m on m.row_no = s.row_no
                        where s.ok
                        on conflict (household_id, person_id) do update set relationship = excluded.relationship
                        where household_member.relationship is distinct from excluded.relationship
                        """).update();
        jdbc.sql("""
                        create temp table import_kk on commit drop as
                        select distinct on (s.household_key) h.household_id, f.kk_cipher, s.kk_hash, f.kk_masked,
                            s.kk_valid_from
                        from import_row s
                        join import_full f using (row_no)
                        join import_household h on h.household_key = s.household_key
                        where s.ok and s.kk_hash is not null
                        order by s.household_key, (s.relationship = 'HEAD') desc, s.row_no
                        """).update();
        jdbc.sql("delete from import_kk k using registry.kk_history e where e.household_id = k.household_id"
                        + " and e.kk_hash = k.kk_hash and e.valid_from = k.kk_valid_from")
                .update();
        jdbc.sql("""
                        update registry.kk_history e set valid_to = k.kk_valid_from - 1
                        from import_kk k
                        where e.household_id = k.household_id and e.valid_to is null and e.valid_from < k.kk_valid_from
                        """).update();
        jdbc.sql("""
                        insert into registry.kk_history (household_id, kk_cipher, kk_hash, kk_masked, valid_from)
                        select household_id, kk_cipher, kk_hash, kk_masked, kk_valid_from from import_kk
                        """).update();
        return households;
    }
}
