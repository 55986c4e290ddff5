package id.peduli.organization;

import static id.peduli.access.AccessTestSupport.as;
import static id.peduli.access.AccessTestSupport.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.peduli.PeduliTest;
import id.peduli.shared.BusinessException;
import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;

@PeduliTest
class OrganizationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    Organizations organizations;

    @Autowired
    JdbcClient jdbc;

    @Test
    void adminCreatesAUnitInTheBrowser() throws Exception {
        long kartini = unit("BBRSBG Kartini Temanggung").id();
        mvc.perform(post("/admin/units")
                        .with(as(context, "admin"))
                        .with(csrf())
                        .param("parentId", String.valueOf(kartini))
                        .param("name", "SW Peduli Purworejo")
                        .param("type", "SITE")
                        .param("regionCode", "33.06")
                        .param("active", "true")
                        .param("threeT", "false"))
                .andExpect(status().isFound());
        OrgUnit created = unit("SW Peduli Purworejo");
        assertThat(created.parentId()).isEqualTo(kartini);
        assertThat(created.depth()).isEqualTo(3);
        assertThat(created.path()).startsWith(unit("BBRSBG Kartini Temanggung").path());
    }

    @Test
    void unknownRegionCodeIsRefusedAndNothingIsCreated() throws Exception {
        long before = count();
        mvc.perform(post("/admin/units")
                        .with(as(context, "admin"))
                        .with(csrf())
                        .param("name", "Unit Wilayah Salah")
                        .param("type", "OTHER_AGENCY")
                        .param("regionCode", "99.99"))
                .andExpect(status().isUnprocessableEntity());
        mvc.perform(bearer(post("/api/v1/org-units"), context, "admin")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(
                                "{\"name\":\"Unit Wilayah Salah\",\"type\":\"OTHER_AGENCY\",\"regionCode\":\"99.99\"}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.field").value("regionCode"));
        mvc.perform(bearer(post("/api/v1/org-units"), context, "admin")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Unit Format Salah\",\"type\":\"OTHER_AGENCY\",\"regionCode\":\"33-23\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("regionCode"));
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void movingAUnitUnderItsOwnChildIsRefused() throws Exception {
        OrgUnit kartini = unit("BBRSBG Kartini Temanggung");
        OrgUnit site = unit("SW Peduli Magelang");
        mvc.perform(bearer(post("/api/v1/org-units/" + kartini.id() + "/move"), context, "admin")
                        .header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"parentId\":" + site.id() + ",\"version\":" + kartini.version() + "}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("org.cycle"))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("cannot be moved under")));
        mvc.perform(bearer(post("/api/v1/org-units/" + kartini.id() + "/move"), context, "admin")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"parentId\":" + kartini.id() + ",\"version\":" + kartini.version() + "}"))
                .andExpect(status().isUnprocessableEntity());
        assertThat(unit("BBRSBG Kartini Temanggung").parentId()).isEqualTo(kartini.parentId());
    }

    @Test
    void movingAUnitReparentsItsWholeSubtree() {
        signInAsSystem();
        try {
            OrgUnit root = organizations.create(command(null, "Pusat Uji Pindah"));
            OrgUnit a = organizations.create(command(root.id(), "Cabang A"));
            OrgUnit a1 = organizations.create(command(a.id(), "Ranting A1"));
            OrgUnit b = organizations.create(command(root.id(), "Cabang B"));
            organizations.move(a.id(), b.id(), a.version());
            OrgUnit movedA = organizations.get(a.id());
            OrgUnit movedA1 = organizations.get(a1.id());
            assertThat(movedA.parentId()).isEqualTo(b.id());
            assertThat(movedA.depth()).isEqualTo(2);
            assertThat(movedA1.depth()).isEqualTo(3);
            assertThat(movedA1.path()).isEqualTo(b.path() + a.id() + "/" + a1.id() + "/");
            assertThat(organizations.isWithin(a1.id(), b.id())).isTrue();
            assertThat(organizations.isWithin(a1.id(), root.id())).isTrue();
            organizations.move(a.id(), null, movedA.version());
            assertThat(organizations.get(a1.id()).path()).isEqualTo("/" + a.id() + "/" + a1.id() + "/");
            assertThat(organizations.get(a1.id()).depth()).isEqualTo(1);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    @Test
    void editingWithAStaleVersionIsRefused() throws Exception {
        signInAsSystem();
        OrgUnit unit;
        try {
            unit = organizations.create(command(null, "Unit Versi"));
            organizations.update(unit.id(), unit.version(), command(null, "Unit Versi Baru"));
            assertThatThrownBy(() -> organizations.update(unit.id(), unit.version(), command(null, "Tertimpa")))
                    .isInstanceOf(OptimisticLockingFailureException.class);
        } finally {
            SecurityContextHolder.clearContext();
        }
        mvc.perform(post("/admin/units/" + unit.id())
                        .with(as(context, "admin"))
                        .with(csrf())
                        .param("name", "Tertimpa Lagi")
                        .param("type", "OTHER_AGENCY")
                        .param("version", String.valueOf(unit.version())))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(Matchers.containsString("baru saja diubah oleh orang lain")));
        mvc.perform(bearer(put("/api/v1/org-units/" + unit.id()), context, "admin")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\":" + unit.version()
                                + ",\"unit\":{\"name\":\"Tertimpa API\",\"type\":\"OTHER_AGENCY\"}}"))
                .andExpect(status().isConflict());
        assertThat(organizations.get(unit.id()).name()).isEqualTo("Unit Versi Baru");
    }

    @Test
    void duplicateNameUnderTheSameParentIsRefused() {
        OrgUnit kartini = unit("BBRSBG Kartini Temanggung");
        signInAsSystem();
        try {
            assertThatThrownBy(() -> organizations.create(command(kartini.id(), "sw peduli temanggung")))
                    .isInstanceOf(BusinessException.class)
                    .hasMessage("org.duplicateName");
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    @Test
    void aUnitHeadSeesOnlyTheirSubtreeAndCannotChangeIt() throws Exception {
        OrgUnit kartini = unit("BBRSBG Kartini Temanggung");
        OrgUnit alyatama = unit("PSAA Alyatama Jambi");
        mvc.perform(bearer(get("/api/v1/org-units"), context, "kepala.kartini"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].name").value("BBRSBG Kartini Temanggung"))
                .andExpect(jsonPath("$.length()").value(Matchers.greaterThanOrEqualTo(25)))
                .andExpect(jsonPath("$[*].name", Matchers.not(Matchers.hasItem("PSAA Alyatama Jambi"))));
        // Outside his subtree a unit is "not found", exactly as a missing one.
        mvc.perform(bearer(get("/api/v1/org-units/" + alyatama.id()), context, "kepala.kartini"))
                .andExpect(status().isNotFound());
        mvc.perform(bearer(get("/api/v1/org-units/" + kartini.id()), context, "kepala.kartini"))
                .andExpect(status().isOk());
        mvc.perform(get("/units").with(as(context, "kepala.kartini")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("SW Peduli Kediri")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("PSAA Alyatama Jambi"))));
        for (String user : List.of("kepala.kartini", "dpo", "auditor", "sekretariat")) {
            mvc.perform(get("/admin/units").with(as(context, user))).andExpect(status().isForbidden());
            mvc.perform(get("/admin/units/" + kartini.id()).with(as(context, user)))
                    .andExpect(status().isForbidden());
            mvc.perform(post("/admin/units")
                            .with(as(context, user))
                            .with(csrf())
                            .param("name", "x"))
                    .andExpect(status().isForbidden());
            mvc.perform(bearer(post("/api/v1/org-units"), context, user)
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"name\":\"Tidak Boleh\",\"type\":\"OTHER_AGENCY\",\"parentId\":" + kartini.id()
                                    + "}"))
                    .andExpect(status().isForbidden());
            mvc.perform(bearer(post("/api/v1/org-units/" + kartini.id() + "/move"), context, user)
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"version\":0}"))
                    .andExpect(status().isForbidden());
        }
    }

    @Test
    void changesToUnitsAreAuditedWithOldAndNewValues() {
        signInAsSystem();
        try {
            OrgUnit unit = organizations.create(command(null, "Unit Audit"));
            organizations.update(unit.id(), unit.version(), command(null, "Unit Audit Diubah"));
        } finally {
            SecurityContextHolder.clearContext();
        }
        String changes = jdbc.sql("select changes::text from audit.entry where action = 'UPDATE' and subject_type ="
                        + " 'OrgUnit' order by id desc limit 1")
                .query(String.class)
                .single();
        assertThat(changes).contains("Unit Audit").contains("Unit Audit Diubah").contains("\"field\": \"name\"");
    }

    private static OrgUnitCommand command(Long parentId, String name) {
        return new OrgUnitCommand(parentId, name, null, OrgUnitType.OTHER_AGENCY, null, null, true, false);
    }

    private static void signInAsSystem() {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        "test", null, AuthorityUtils.createAuthorityList("ROLE_SYSTEM_ADMIN")));
    }

    private OrgUnit unit(String name) {
        return organizations.tree().stream()
                .filter(u -> u.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private long count() {
        return jdbc.sql("select count(*) from organization.org_unit")
                .query(Long.class)
                .single();
    }
}
