package id.peduli.demo;

import id.peduli.access.NewUserCommand;
import id.peduli.access.Role;
import id.peduli.access.UserCommand;
import id.peduli.access.UserView;
import id.peduli.access.Users;
import id.peduli.organization.OrgUnit;
import id.peduli.organization.OrgUnitCommand;
import id.peduli.organization.OrgUnitType;
import id.peduli.organization.Organizations;
import id.peduli.platform.DemoSeed;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The story's seed, which every programme seed depends on: the ministry, the Temanggung and Jambi technical units with
 * their sites, the competition organiser and participating agencies, and one account per role. Every step first
 * looks for what it would create, so it also completes a database loaded by an earlier version.
 */
@Component
class DemoData implements DemoSeed {

    static final String SEED = "demo-v1";

    private final Organizations organizations;
    private final Users users;
    private final String password;

    DemoData(Organizations organizations, Users users, @Value("${peduli.demo.password}") String password) {
        this.organizations = organizations;
        this.users = users;
        this.password = password;
    }

    /** The accounts {@link #load()} creates, one per role, in the order the sign-in page lists them. */
    static final List<Account> ACCOUNTS = List.of(
            new Account("admin", Role.SYSTEM_ADMIN.name()),
            new Account("dpo", Role.DPO.name()),
            new Account("auditor", Role.AUDITOR.name()),
            new Account("kepala.kartini", Role.UNIT_HEAD.name()),
            new Account("manajer.kartini", Role.PROGRAM_MANAGER.name()),
            new Account("pekerja.alyatama", Role.SOCIAL_WORKER.name()),
            new Account("pendamping.temanggung", Role.SITE_MENTOR.name()),
            new Account("logistik.alyatama", Role.LOGISTICS_OFFICER.name()),
            new Account("operator.temanggung", Role.UNIT_OPERATOR.name()),
            new Account("verifikator.jateng", Role.AGENCY_VERIFIER.name()),
            new Account("sekretariat", Role.SECRETARIAT.name()),
            new Account("evaluator", Role.EVALUATOR.name()),
            new Account("panelis", Role.PANELIST.name()));

    @Override
    public String name() {
        return SEED;
    }

    @Override
    public int order() {
        return 0;
    }

    @Override
    public List<Account> accounts() {
        return ACCOUNTS;
    }

    record Site(String regency, String village, String name, String group) {}

    static final List<Site> SHELTERED_WORKSHOPS = List.of(
            new Site("33.23", "33.23.01.2001", "SW Peduli Temanggung", "KSM Ngudi Rejeki"),
            new Site("33.08", "33.08.01.2001", "SW Peduli Magelang", "KSM Sekar Arum"),
            new Site("33.07", "33.07.01.2001", "SW Peduli Wonosobo", "KSM Tunas Mandiri"),
            new Site("33.22", "33.22.01.2001", "SW Peduli Semarang", "KSM Guyub Rukun"),
            new Site("33.09", "33.09.01.2001", "SW Peduli Boyolali", "KSM Sido Makmur"),
            new Site("33.10", "33.10.01.2001", "SW Peduli Klaten", "KSM Ciprat Lestari"),
            new Site("34.04", "34.04.01.2001", "SW Peduli Sleman", "KSM Karya Bersama"),
            new Site("34.02", "34.02.01.2001", "SW Peduli Bantul", "KSM Maju Lancar"),
            new Site("34.01", "34.01.01.2001", "SW Peduli Kulon Progo", "KSM Sumber Rejeki"),
            new Site("35.02", "35.02.01.2001", "SW Peduli Ponorogo", "KSM Kreasi Mandiri"),
            new Site("35.07", "35.07.01.2001", "SW Peduli Malang", "KSM Harapan Jaya"),
            new Site("35.06", "35.06.01.2001", "SW Peduli Kediri", "KSM Berkah Sejahtera"));

    static final Map<String, String> JAMBI_REGENCIES = new LinkedHashMap<>();

    static {
        JAMBI_REGENCIES.put("15.01", "Kerinci");
        JAMBI_REGENCIES.put("15.02", "Merangin");
        JAMBI_REGENCIES.put("15.03", "Sarolangun");
        JAMBI_REGENCIES.put("15.04", "Batanghari");
        JAMBI_REGENCIES.put("15.05", "Muaro Jambi");
        JAMBI_REGENCIES.put("15.06", "Tanjung Jabung Barat");
        JAMBI_REGENCIES.put("15.07", "Tanjung Jabung Timur");
        JAMBI_REGENCIES.put("15.08", "Bungo");
        JAMBI_REGENCIES.put("15.09", "Tebo");
        JAMBI_REGENCIES.put("15.71", "Kota Jambi");
        JAMBI_REGENCIES.put("15.72", "Kota Sungai Penuh");
    }

    @Override
    public void load() {
        OrgUnit kemensos = unit(
                null,
                "Kementerian Sosial",
                "Kemensos",
                OrgUnitType.MINISTRY,
                "31.71",
                "Jl. Salemba Raya No. 28, Jakarta Pusat",
                false);
        OrgUnit rehsos = unit(
                kemensos,
                "Direktorat Jenderal Rehabilitasi Sosial",
                "Ditjen Rehsos",
                OrgUnitType.DIRECTORATE,
                "31.71",
                null,
                false);
        OrgUnit kartini = unit(
                rehsos,
                "BBRSBG Kartini Temanggung",
                "Kartini",
                OrgUnitType.TECHNICAL_UNIT,
                "33.23",
                "Jl. Kartini No. 1, Temanggung",
                false);
        for (Site site : SHELTERED_WORKSHOPS) {
            OrgUnit sw = unit(kartini, site.name(), null, OrgUnitType.SITE, site.village(), null, false);
            unit(sw, site.group(), null, OrgUnitType.COMMUNITY_GROUP, site.village(), null, false);
        }
        OrgUnit alyatama = unit(
                rehsos, "PSAA Alyatama Jambi", "Alyatama", OrgUnitType.TECHNICAL_UNIT, "15.71", "Kota Jambi", false);
        JAMBI_REGENCIES.forEach((code, name) ->
                unit(alyatama, "Layanan Pesona Surga " + name, null, OrgUnitType.SITE, code, null, false));

        OrgUnit menpan = unit(
                null,
                "Kementerian Pendayagunaan Aparatur Negara dan Reformasi Birokrasi",
                "KemenPAN-RB",
                OrgUnitType.MINISTRY,
                "31.71",
                null,
                false);
        unit(menpan, "Deputi Bidang Pelayanan Publik", null, OrgUnitType.DIRECTORATE, "31.71", null, false);
        OrgUnit jateng = unit(
                null,
                "Pemerintah Provinsi Jawa Tengah",
                "Pemprov Jateng",
                OrgUnitType.LOCAL_GOVERNMENT,
                "33",
                null,
                false);
        unit(jateng, "Biro Organisasi Setda Provinsi Jawa Tengah", null, OrgUnitType.OTHER_AGENCY, "33", null, false);
        OrgUnit temanggung = unit(
                null,
                "Pemerintah Kabupaten Temanggung",
                "Pemkab Temanggung",
                OrgUnitType.LOCAL_GOVERNMENT,
                "33.23",
                null,
                false);
        unit(temanggung, "Dinas Sosial Kabupaten Temanggung", null, OrgUnitType.OTHER_AGENCY, "33.23", null, false);
        unit(null, "Pemerintah Kota Surabaya", "Pemkot Surabaya", OrgUnitType.LOCAL_GOVERNMENT, "35.78", null, false);
        unit(null, "Pemerintah Provinsi Jambi", "Pemprov Jambi", OrgUnitType.LOCAL_GOVERNMENT, "15", null, false);
        unit(
                null,
                "Pemerintah Kabupaten Kepulauan Mentawai",
                "Pemkab Mentawai",
                OrgUnitType.LOCAL_GOVERNMENT,
                "13.09",
                null,
                true);
        unit(null, "PT Pos Indonesia (Persero)", "Pos Indonesia", OrgUnitType.STATE_ENTERPRISE, "32.73", null, false);

        OrgUnit swTemanggung = find(kartini, "SW Peduli Temanggung");
        user("admin", "Rina Wulandari", Role.SYSTEM_ADMIN, null);
        user("dpo", "Bambang Sutrisno", Role.DPO, null);
        user("auditor", "Dewi Anggraini", Role.AUDITOR, null);
        user("kepala.kartini", "Sri Handayani", Role.UNIT_HEAD, kartini);
        user("manajer.kartini", "Agus Setiawan", Role.PROGRAM_MANAGER, kartini);
        user("pekerja.alyatama", "Nurhayati", Role.SOCIAL_WORKER, alyatama);
        user("pendamping.temanggung", "Slamet Riyadi", Role.SITE_MENTOR, swTemanggung);
        user("logistik.alyatama", "Hendra Gunawan", Role.LOGISTICS_OFFICER, alyatama);
        user(
                "operator.temanggung",
                "Yuli Astuti",
                Role.UNIT_OPERATOR,
                find(temanggung, "Dinas Sosial Kabupaten Temanggung"));
        user("verifikator.jateng", "Teguh Prasetyo", Role.AGENCY_VERIFIER, jateng);
        user("sekretariat", "Lestari Puspitasari", Role.SECRETARIAT, menpan);
        user("evaluator", "Prof. Hadi Susanto", Role.EVALUATOR, menpan);
        user("panelis", "Dr. Maria Ulfa", Role.PANELIST, menpan);
    }

    private OrgUnit unit(
            OrgUnit parent,
            String name,
            String shortName,
            OrgUnitType type,
            String region,
            String address,
            boolean threeT) {
        OrgUnit existing = find(parent, name);
        if (existing != null) {
            return existing;
        }
        return organizations.create(new OrgUnitCommand(
                parent == null ? null : parent.id(), name, shortName, type, region, address, true, threeT));
    }

    private OrgUnit find(OrgUnit parent, String name) {
        List<OrgUnit> candidates = parent == null
                ? organizations.tree().stream()
                        .filter(u -> u.parentId() == null)
                        .toList()
                : organizations.children(parent.id());
        return candidates.stream()
                .filter(u -> u.name().equalsIgnoreCase(name))
                .findFirst()
                .orElse(null);
    }

    private void user(String username, String fullName, Role role, OrgUnit unit) {
        UserView user = users.findByUsername(username)
                .orElseGet(() -> users.createDemo(new NewUserCommand(
                        username,
                        password,
                        new UserCommand(fullName, username + "@demo.peduli.id", null, "id", true),
                        false)));
        Long unitId = unit == null ? null : unit.id();
        boolean granted = user.grants().stream().anyMatch(g -> g.role() == role && Objects.equals(g.unitId(), unitId));
        if (!granted) {
            users.addGrant(user.id(), role, unitId);
        }
    }
}
