package id.peduli.registry.person;

import static id.peduli.access.AccessTestSupport.as;
import static id.peduli.registry.RegistryTestSupport.signIn;
import static id.peduli.registry.RegistryTestSupport.signOut;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.peduli.PeduliTest;
import id.peduli.organization.OrgUnit;
import id.peduli.organization.Organizations;
import id.peduli.platform.FieldEncryption;
import id.peduli.registry.Registry;
import id.peduli.registry.identity.Nik;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

@PeduliTest
class RegistryDemoPeopleTests {

    @Autowired
    RegistryDemoPeople seed;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    FieldEncryption encryption;

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    Organizations organizations;

    @Autowired
    Registry registry;

    /** Runs the seed as the demo runner does: once, in one transaction with the record that it completed. */
    @BeforeEach
    void runTheSeedLikeTheRunner() {
        runOnce();
    }

    private void runOnce() {
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "system", null, AuthorityUtils.createAuthorityList("ROLE_SYSTEM_ADMIN")));
        SecurityContextHolder.setContext(context);
        try {
            transactions.executeWithoutResult(status -> {
                boolean done = jdbc.sql("select count(*) from demo.seed_state where name = ?")
                                .param(seed.name())
                                .query(Long.class)
                                .single()
                        > 0;
                if (!done) {
                    seed.load();
                    jdbc.sql("insert into demo.seed_state (name) values (?)")
                            .param(seed.name())
                            .update();
                }
            });
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    @Test
    void registersAFewHundredPeopleOfTheStorysPlacesWithHouseholdsGuardiansAndConsent() {
        long people = count("select count(*) from registry.person where external_id like 'DEMO-%'");
        assertThat(people).isBetween(200L, 900L);
        assertThat(seed.countsByUnit())
                .containsKeys("SW Peduli Temanggung", "SW Peduli Magelang", "Layanan Pesona Surga Kota Jambi");
        assertThat(seed.countsByUnit().get("SW Peduli Temanggung")).isGreaterThan(60L);
        assertThat(count("select count(*) from registry.person where external_id like 'DEMO-%' and nik_hash is null"))
                .as("people without NIK")
                .isGreaterThan(30L);
        assertThat(count("""
                        select count(distinct h.id) from registry.household h
                        join registry.household_member m on m.household_id = h.id
                        join registry.person p on p.id = m.person_id where p.external_id like 'DEMO-%'
                        """)).isGreaterThan(60L);
        assertThat(count("""
                        select count(*) from registry.kk_history k
                        join registry.household_member m on m.household_id = k.household_id and m.relationship = 'HEAD'
                        join registry.person p on p.id = m.person_id
                        where p.external_id like 'DEMO-%' and k.valid_to is not null
                        """)).as("households with an earlier family card").isGreaterThan(5L);
        assertThat(
                        count(
                                "select count(*) from registry.person where external_id like 'DEMO-%' and guardian_id is not null"))
                .isGreaterThan(20L);
        assertThat(count("""
                        select count(*) from registry.consent c join registry.person p on p.id = c.person_id
                        where p.external_id like 'DEMO-%'
                        """)).isGreaterThan(60L);
        assertThat(count("""
                        select count(*) from registry.person where external_id like 'DEMO-%'
                        and full_name in ('Sri Wahyuningsih', 'Sri Wahyuningsi')
                        """)).isEqualTo(2);
    }

    @Test
    void everyWorkshopSiteHasAboutFifteenParticipantsTheWorkshopCanEnrol() {
        List<OrgUnit> sites = organizations.tree().stream()
                .filter(u ->
                        u.name().startsWith("SW Peduli ") && seed.countsByUnit().containsKey(u.name()))
                .toList();
        assertThat(sites).hasSize(12);
        signIn(context, "manajer.kartini");
        try {
            for (OrgUnit site : sites) {
                List<Long> covered = registry.coveredIn(site.id(), "WORKSHOP_SERVICES");
                assertThat(covered).as(site.name()).hasSizeGreaterThanOrEqualTo(15);
                // At least fifteen are adults with a disability whose household is registered, with a guardian
                // when the disability is intellectual.
                assertThat(jdbc.sql("""
                                select count(*) from registry.person p
                                where p.id in (:ids) and p.birth_year <= 2008 and cardinality(p.disability_types) > 0
                                  and exists (select 1 from registry.household_member m where m.person_id = p.id)
                                  and (p.guardian_id is not null or not ('INTELLECTUAL' = any(p.disability_types)))
                                """).param("ids", covered).query(Long.class).single())
                        .as(site.name() + ": other tests of the same run may add people of their own there")
                        .isGreaterThanOrEqualTo(15L);
            }
        } finally {
            signOut();
        }
    }

    @Test
    void everyDemoNikAgreesWithTheVillageSexAndBirthDate() {
        List<String> problems = jdbc
                .sql("""
                        select nik_cipher, sex, birth_date, region_code from registry.person
                        where external_id like 'DEMO-%' and nik_cipher is not null
                        """)
                .query((rs, i) -> {
                    String nik = encryption.decrypt(People.NIK_FIELD, rs.getBytes(1));
                    LocalDate born = rs.getObject(3, LocalDate.class);
                    Nik.Check check = Nik.check(nik, rs.getString(2).charAt(0), born, born.getYear(), code -> true);
                    String region = rs.getString(4);
                    boolean sameDistrict =
                            region != null && region.replace(".", "").startsWith(nik.substring(0, 6));
                    return check.errors().isEmpty() && check.warnings().isEmpty() && sameDistrict ? null : nik;
                })
                .list()
                .stream()
                .filter(java.util.Objects::nonNull)
                .toList();
        assertThat(problems).isEmpty();
    }

    @Test
    void aSecondLoadAddsNoOne() {
        long before = count("select count(*) from registry.person");
        runOnce();
        // Even called directly, a load that finds the demo people already there does nothing.
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "system", null, AuthorityUtils.createAuthorityList("ROLE_SYSTEM_ADMIN")));
        SecurityContextHolder.setContext(context);
        try {
            transactions.executeWithoutResult(status -> seed.load());
        } finally {
            SecurityContextHolder.clearContext();
        }
        assertThat(count("select count(*) from registry.person")).isEqualTo(before);
    }

    @Test
    void theSearchPagesShowTheDemoPeopleToTheStorysUsers() throws Exception {
        String jambi = mvc.perform(post("/people/search")
                        .param("q", "Sri Wahyuningsih")
                        .with(csrf())
                        .with(as(context, "pekerja.alyatama")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(jambi).contains("Sri Wahyuningsih").contains("Sri Wahyuningsi<");
        String temanggung = mvc.perform(post("/people/search")
                        .param("q", "Rizki")
                        .with(csrf())
                        .with(as(context, "pendamping.temanggung")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(temanggung).contains("Muhammad Rizki");
    }
}
