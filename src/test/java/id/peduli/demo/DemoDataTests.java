package id.peduli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import id.peduli.PeduliTest;
import id.peduli.access.Users;
import id.peduli.organization.OrgUnit;
import id.peduli.organization.OrgUnitType;
import id.peduli.organization.Organizations;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.simple.JdbcClient;

@PeduliTest
class DemoDataTests {

    @Autowired
    DemoData demo;

    @Autowired
    Organizations organizations;

    @Autowired
    Users users;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theStoryIsLoaded() {
        List<OrgUnit> units = organizations.tree();
        OrgUnit kartini = find(units, "BBRSBG Kartini Temanggung");
        // Other tests share the database and may add sites under Kartini: look only at the demo's own.
        List<String> demoSites =
                DemoData.SHELTERED_WORKSHOPS.stream().map(DemoData.Site::name).toList();
        List<OrgUnit> sites = units.stream()
                .filter(u -> u.type() == OrgUnitType.SITE && kartini.id() == u.parentId())
                .filter(u -> demoSites.contains(u.name()))
                .toList();
        assertThat(sites).extracting(OrgUnit::name).hasSize(12).containsExactlyInAnyOrderElementsOf(demoSites);
        assertThat(sites)
                .allSatisfy(site -> assertThat(organizations.children(site.id()))
                        .singleElement()
                        .satisfies(group -> assertThat(group.type()).isEqualTo(OrgUnitType.COMMUNITY_GROUP)));
        assertThat(sites.stream().map(s -> s.regionCode().substring(0, 2)).distinct())
                .containsExactlyInAnyOrder("33", "34", "35");
        OrgUnit alyatama = find(units, "PSAA Alyatama Jambi");
        assertThat(organizations.children(alyatama.id()))
                .hasSize(11)
                .allSatisfy(u -> assertThat(u.regionCode()).startsWith("15."));
        assertThat(find(units, "Pemerintah Kabupaten Kepulauan Mentawai").threeT())
                .isTrue();
        for (String username : List.of(
                "admin",
                "dpo",
                "auditor",
                "kepala.kartini",
                "manajer.kartini",
                "pekerja.alyatama",
                "pendamping.temanggung",
                "logistik.alyatama",
                "operator.temanggung",
                "verifikator.jateng",
                "sekretariat",
                "evaluator",
                "panelis")) {
            assertThat(users.findByUsername(username)).as(username).isPresent();
        }
    }

    @Test
    void aSecondStartLoadsNothingAgain() throws Exception {
        long units = count("organization.org_unit");
        long accounts = count("access.user_account");
        demo.run(new DefaultApplicationArguments());
        assertThat(count("organization.org_unit")).isEqualTo(units);
        assertThat(count("access.user_account")).isEqualTo(accounts);
    }

    @Test
    void aLoadThatStoppedMidwayIsCompletedWithoutDuplicates() throws Exception {
        long units = count("organization.org_unit");
        long grants = count("access.role_grant");
        // As if the previous start had crashed before finishing: the completion mark is missing.
        jdbc.sql("create temporary table seed_backup as select * from demo.seed_state")
                .update();
        jdbc.sql("delete from demo.seed_state").update();
        assertThat(demo.completed()).isFalse();
        demo.run(new DefaultApplicationArguments());
        assertThat(demo.completed()).isTrue();
        assertThat(count("organization.org_unit")).isEqualTo(units);
        assertThat(count("access.role_grant")).isEqualTo(grants);
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    private static OrgUnit find(List<OrgUnit> units, String name) {
        return units.stream().filter(u -> u.name().equals(name)).findFirst().orElseThrow();
    }
}
