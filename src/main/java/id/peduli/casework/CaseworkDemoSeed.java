package id.peduli.casework;

import id.peduli.organization.OrgUnit;
import id.peduli.organization.Organizations;
import id.peduli.platform.DemoSeed;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The case core's demo data: the two programmes of the story (SW Peduli of BBRSBG Kartini, Pesona Surga of PSAA
 * Alyatama) and the workshop's skill assessment template (daily living, social, vocational). People and enrolments
 * come with the programmes' own seeds.
 */
@Component
class CaseworkDemoSeed implements DemoSeed {

    static final String SW_PEDULI = "SW_PEDULI";
    static final String PESONA_SURGA = "PESONA_SURGA";
    static final String SKILLS_TEMPLATE = "SW_SKILLS";

    private final Programmes programmes;
    private final Assessments assessments;
    private final Organizations organizations;

    CaseworkDemoSeed(Programmes programmes, Assessments assessments, Organizations organizations) {
        this.programmes = programmes;
        this.assessments = assessments;
        this.organizations = organizations;
    }

    @Override
    public String name() {
        return "casework-v1";
    }

    @Override
    public Set<String> dependsOn() {
        return Set.of("demo-v1");
    }

    @Override
    public int order() {
        return 300;
    }

    @Override
    public void load() {
        programmes.ensure(
                SW_PEDULI, "Sheltered Workshop Peduli", Programmes.WORKSHOP, unit("BBRSBG Kartini Temanggung"));
        programmes.ensure(
                PESONA_SURGA,
                "Pesona Surga (Pelayanan Kesejahteraan Sosial Anak Berbasis Keluarga)",
                Programmes.CHILD_WELFARE,
                unit("PSAA Alyatama Jambi"));
        if (assessments.latest(SKILLS_TEMPLATE).isEmpty()) {
            assessments.publish(skillsTemplate());
        }
    }

    private long unit(String name) {
        return organizations.tree().stream()
                .filter(u -> u.name().equals(name))
                .map(OrgUnit::id)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("demo unit missing: " + name));
    }

    /** The workshop's skill assessment: each item scored 1 (fully supported) to 5 (independent). */
    static AssessmentTemplate.Command skillsTemplate() {
        return new AssessmentTemplate.Command(
                SKILLS_TEMPLATE,
                "Asesmen keterampilan Sheltered Workshop",
                "Sheltered Workshop skills assessment",
                1,
                5,
                List.of(
                        new AssessmentTemplate.DomainCommand(
                                "DAILY_LIVING",
                                "Kegiatan sehari-hari",
                                "Daily living",
                                List.of(
                                        item(
                                                "Merawat diri (mandi, berpakaian, makan)",
                                                "Self-care (washing, dressing, eating)"),
                                        item("Mengelola uang sederhana", "Handling simple money matters"),
                                        item("Bepergian ke tempat kerja", "Travelling to the workplace"))),
                        new AssessmentTemplate.DomainCommand(
                                "SOCIAL",
                                "Sosial",
                                "Social",
                                List.of(
                                        item(
                                                "Berkomunikasi dengan teman dan pendamping",
                                                "Communicating with peers and mentors"),
                                        item("Bekerja sama dalam kelompok", "Working together in a group"),
                                        item("Mengikuti aturan tempat kerja", "Following workplace rules"))),
                        new AssessmentTemplate.DomainCommand(
                                "VOCATIONAL",
                                "Vokasional",
                                "Vocational",
                                List.of(
                                        item("Mengikuti langkah kerja produksi", "Following the production steps"),
                                        item("Ketelitian dan mutu hasil kerja", "Care and quality of work"),
                                        item(
                                                "Ketahanan kerja (durasi dan kehadiran)",
                                                "Stamina (duration and attendance)"),
                                        item("Keselamatan memakai alat", "Using tools safely")))));
    }

    private static AssessmentTemplate.ItemCommand item(String text, String textEn) {
        return new AssessmentTemplate.ItemCommand(text, textEn);
    }
}
