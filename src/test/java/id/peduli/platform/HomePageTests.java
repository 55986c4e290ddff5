package id.peduli.platform;

import static id.peduli.access.AccessTestSupport.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.peduli.PageText;
import id.peduli.PeduliTest;
import id.peduli.organization.Organizations;
import jakarta.servlet.http.Cookie;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The home page of every demo role: what Peduli is for the role, its tasks with counts, and only its own steps. */
@PeduliTest
class HomePageTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aSocialWorkerSeesHerWaitingImportsAndConsentsToRenewWithCountsAndHerFirstSteps() throws Exception {
        long userId = userId("pekerja.alyatama");
        long alyatama = unit("PSAA Alyatama Jambi");
        jdbc.sql("""
                        insert into registry.import_job (owner_id, owner_username, org_unit_id, file_name, format,
                            size_bytes, status)
                        values (?, 'pekerja.alyatama', ?, 'home-test.csv', 'CSV', 10, 'VALIDATED')
                        """).params(userId, alyatama).update();
        long person = jdbc.sql("""
                        insert into registry.person (org_unit_id, full_name, name_key, sex, birth_date, birth_year)
                        values (?, 'Rahmat Home Test', 'rahmat home test', 'M', ?, 2000) returning id
                        """)
                .params(alyatama, LocalDate.of(2000, 5, 1))
                .query(Long.class)
                .single();
        jdbc.sql("""
                        insert into registry.consent (person_id, purpose, basis, given_by, method, notice_version,
                            given_on)
                        values (?, 'SERVICE_DELIVERY', 'CONSENT', 'PARENT', 'SIGNATURE', 'v1', ?)
                        """).params(person, LocalDate.of(2010, 1, 4)).update();
        long imports = count("select count(*) from registry.import_job where owner_id = " + userId
                + " and status in ('UPLOADED', 'VALIDATED') and file_deleted_at is null");

        String part = PageText.element(home("pekerja.alyatama"), "role-SOCIAL_WORKER");

        assertThat(PageText.text(part)).contains("mendaftarkan dan mendampingi orang yang dilayani");
        String tasks = PageText.byClass(part, "pd-home-tasks");
        assertThat(PageText.hrefs(tasks)).containsExactly("/people", "/people/import");
        assertThat(PageText.text(tasks))
                .contains(imports + " " + imports + " impor menunggu langkah Anda berikutnya")
                .containsPattern("[1-9][0-9]* [1-9][0-9]* persetujuan perlu diperbarui");
        assertThat(PageText.hrefs(PageText.byClass(part, "pd-home-actions")))
                .containsExactly("/people", "/people/new", "/people/import");

        String english = PageText.text(PageText.element(home("pekerja.alyatama", "en"), "role-SOCIAL_WORKER"));
        assertThat(english)
                .contains(imports == 1 ? "1 import job waiting" : imports + " import jobs waiting")
                .contains("Register a new person");
    }

    @Test
    void theLogisticsOfficerIsOfferedSearchButNotRegisterOrImport() throws Exception {
        String page = home("logistik.alyatama");
        String part = PageText.element(page, "role-LOGISTICS_OFFICER");

        assertThat(PageText.hrefs(PageText.byClass(part, "pd-home-actions"))).containsExactly("/people");
        assertThat(PageText.hrefs(page)).doesNotContain("/people/new", "/people/import");
        assertThat(part).doesNotContain("pd-home-unavailable");
        assertThat(PageText.text(page)).doesNotContainIgnoringCase("daftarkan");
    }

    @Test
    void theUnitHeadMaySearchButNotRegister() throws Exception {
        String part = PageText.element(home("kepala.kartini"), "role-UNIT_HEAD");

        assertThat(PageText.hrefs(PageText.byClass(part, "pd-home-actions"))).containsExactly("/people");
    }

    @Test
    void theAdministratorSeesAccountsAndBackupTasks() throws Exception {
        String part = PageText.element(home("admin"), "role-SYSTEM_ADMIN");

        assertThat(PageText.text(part)).contains("Anda mengelola akun pengguna", "Buat akun pengguna baru");
        assertThat(PageText.hrefs(part)).contains("/admin/users/new", "/admin/backups");
        assertThat(part).doesNotContain("pd-home-unavailable");
    }

    @Test
    void auditorsAndDataProtectionOfficersAreLedToTheProcessingLog() throws Exception {
        for (String username : new String[] {"auditor", "dpo"}) {
            String part = PageText.element(home(username), username.equals("dpo") ? "role-DPO" : "role-AUDITOR");
            assertThat(PageText.hrefs(PageText.byClass(part, "pd-home-actions")))
                    .contains("/audit");
            assertThat(PageText.text(part)).contains("Buka log pemrosesan");
        }
    }

    @Test
    void rolesWhoseModuleIsNotInThisBuildAreToldSoHonestly() throws Exception {
        String[][] accounts = {
            {"operator.temanggung", "UNIT_OPERATOR"},
            {"verifikator.jateng", "AGENCY_VERIFIER"},
            {"sekretariat", "SECRETARIAT"},
            {"evaluator", "EVALUATOR"},
            {"panelis", "PANELIST"}
        };
        for (String[] account : accounts) {
            String part = PageText.element(home(account[0]), "role-" + account[1]);
            assertThat(part).as(account[1]).isNotEmpty();
            boolean served = context.getBeansOfType(NavContributor.class).values().stream()
                            .flatMap(c -> c.navItems().stream())
                            .anyMatch(i -> i.roles().contains(account[1]))
                    || context.getBeansOfType(HomeTaskSource.class).values().stream()
                            .anyMatch(s -> !s.tasks(principal(account[1])).isEmpty());
            assertThat(!part.contains("pd-home-unavailable"))
                    .as(account[1] + " is served by a module of this build")
                    .isEqualTo(served);
            if (!served) {
                assertThat(PageText.text(part)).contains("belum tersedia di versi ini");
            }
        }
    }

    private static PeduliPrincipal principal(String role) {
        return new PeduliPrincipal() {
            @Override
            public long userId() {
                return -1;
            }

            @Override
            public String username() {
                return "probe";
            }

            @Override
            public String fullName() {
                return "Probe";
            }

            @Override
            public java.util.List<RoleGrant> grants() {
                return java.util.List.of(new RoleGrant(role, -1L, "none"));
            }
        };
    }

    private String home(String username) throws Exception {
        return home(username, "id");
    }

    private String home(String username, String lang) throws Exception {
        return mvc.perform(get("/").with(as(context, username)).cookie(new Cookie("peduli_lang", lang)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private long userId(String username) {
        return jdbc.sql("select id from access.user_account where username = ?")
                .param(username)
                .query(Long.class)
                .single();
    }

    private long unit(String name) {
        return context.getBean(Organizations.class).tree().stream()
                .filter(u -> u.name().equals(name))
                .findFirst()
                .orElseThrow()
                .id();
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
