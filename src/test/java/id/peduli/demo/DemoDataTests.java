package id.peduli.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.peduli.PeduliTest;
import id.peduli.access.Users;
import id.peduli.organization.OrgUnit;
import id.peduli.organization.OrgUnitCommand;
import id.peduli.organization.OrgUnitType;
import id.peduli.organization.Organizations;
import id.peduli.platform.DemoSeed;
import id.peduli.platform.RunMode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

@PeduliTest
class DemoDataTests {

    @Autowired
    DemoSeeds seeds;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    RunMode runMode;

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
        for (DemoSeed.Account account : DemoData.ACCOUNTS) {
            assertThat(users.findByUsername(account.username()))
                    .as(account.username())
                    .hasValueSatisfying(user -> assertThat(user.grants())
                            .anySatisfy(grant -> assertThat(grant.role().name()).isEqualTo(account.role())));
        }
    }

    @Test
    void aSecondStartLoadsNothingAgain() throws Exception {
        long units = count("organization.org_unit");
        long accounts = count("access.user_account");
        assertThat(seeds.loadMissing()).isEmpty();
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
        jdbc.sql("delete from demo.seed_state where name = ?")
                .param(DemoData.SEED)
                .update();
        assertThat(seeds.completed(DemoData.SEED)).isFalse();
        assertThat(seeds.loadMissing()).containsExactly(DemoData.SEED);
        assertThat(seeds.completed(DemoData.SEED)).isTrue();
        assertThat(count("organization.org_unit")).isEqualTo(units);
        assertThat(count("access.role_grant")).isEqualTo(grants);
    }

    @Test
    void aSeedThatFailsMidwayLeavesNothingAndRunsAgainAtTheNextStart() {
        long units = count("organization.org_unit");
        var attempts = new java.util.concurrent.atomic.AtomicInteger();
        DemoSeed halfway = new DemoSeed() {
            @Override
            public String name() {
                return "test-halfway-v1";
            }

            @Override
            public void load() {
                organizations.create(new OrgUnitCommand(
                        null, "Unit dari seed yang terputus", null, OrgUnitType.OTHER_AGENCY, "33", null, true, false));
                if (attempts.incrementAndGet() == 1) {
                    throw new IllegalStateException("the process died here");
                }
            }
        };
        DemoSeeds runner = new DemoSeeds(runMode, List.of(halfway), jdbc, transaction);
        try {
            assertThatThrownBy(runner::loadMissing).hasMessage("the process died here");
            assertThat(count("organization.org_unit")).isEqualTo(units);
            assertThat(runner.completed("test-halfway-v1")).isFalse();

            assertThat(runner.loadMissing()).containsExactly("test-halfway-v1");
            assertThat(count("organization.org_unit")).isEqualTo(units + 1);
            assertThat(runner.loadMissing()).isEmpty();
        } finally {
            jdbc.sql("delete from demo.seed_state where name = 'test-halfway-v1'")
                    .update();
            jdbc.sql("delete from organization.org_unit where name = 'Unit dari seed yang terputus'")
                    .update();
        }
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    private static OrgUnit find(List<OrgUnit> units, String name) {
        return units.stream().filter(u -> u.name().equals(name)).findFirst().orElseThrow();
    }
}
