package id.peduli.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

class AuditActionTest {

    static final AuditAction ENROL = AuditAction.of("ENROL");

    @Test
    void aModuleDeclaresItsOwnActionByCode() {
        assertThat(ENROL.code()).isEqualTo("ENROL");
        assertThat(ENROL).isEqualTo(AuditAction.of("ENROL")).isNotEqualTo(AuditAction.CREATE);
        assertThat(AuditAction.of("VIEW")).isEqualTo(AuditAction.VIEW);
        assertThat(AuditRecord.of(ENROL, "Enrolment", 7).action().code()).isEqualTo("ENROL");
    }

    @Test
    void aCodeMustBeUpperCaseLettersDigitsAndUnderscoresOfAtMostFortyCharacters() {
        for (String bad : new String[] {null, "", "enrol", "1PAY", "PAY-OUT", "PAY OUT", "A".repeat(41)}) {
            assertThatThrownBy(() -> AuditAction.of(bad))
                    .as(String.valueOf(bad))
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(AuditAction.of("A".repeat(40)).code()).hasSize(40);
        assertThat(AuditAction.of("PAY_2").code()).isEqualTo("PAY_2");
    }

    @Test
    void theViewerOffersTheGeneralActionsThenThoseTheModulesDeclare() {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("enrolment", (AuditActions) () -> List.of(ENROL, AuditAction.of("APPROVE")));
        beans.addBean("payout", (AuditActions) () -> List.of(AuditAction.of("PAY"), AuditAction.VIEW));
        AuditTrail trail = new AuditTrail(
                null,
                "Asia/Jakarta",
                beans.getBeanProvider(AuditScope.class),
                beans.getBeanProvider(AuditActions.class));

        List<String> actions = trail.actions();

        assertThat(actions.subList(0, AuditAction.GENERAL.size()))
                .containsExactlyElementsOf(
                        AuditAction.GENERAL.stream().map(AuditAction::code).toList());
        assertThat(actions.subList(AuditAction.GENERAL.size(), actions.size()))
                .containsExactlyInAnyOrder("ENROL", "APPROVE", "PAY");
    }

    @Test
    void everyGeneralActionHasALabelInBothLanguages() throws Exception {
        for (String bundle : List.of("/i18n/audit.properties", "/i18n/audit_en.properties")) {
            Properties labels = new Properties();
            try (InputStream in = AuditActionTest.class.getResourceAsStream(bundle)) {
                labels.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
            }
            for (AuditAction action : AuditAction.GENERAL) {
                assertThat(labels.getProperty("audit.action." + action.code()))
                        .as(bundle + " audit.action." + action.code())
                        .isNotBlank();
            }
        }
    }
}
