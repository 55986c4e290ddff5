package id.peduli.registry.person;

import static id.peduli.access.AccessTestSupport.as;
import static id.peduli.registry.RegistryTestSupport.aPerson;
import static id.peduli.registry.RegistryTestSupport.signIn;
import static id.peduli.registry.RegistryTestSupport.signOut;
import static id.peduli.registry.RegistryTestSupport.unit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.peduli.PeduliTest;
import id.peduli.registry.PersonView;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** Forms refused on the server keep what was typed and list what to fix, each linked to its field. */
@PeduliTest
class FormsKeepInputTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    People people;

    @Autowired
    Households households;

    @Test
    void aConsentRefusedForOneRuleKeepsEveryChoiceAndLinksTheFieldToFix() throws Exception {
        long alyatama = unit(context, "PSAA Alyatama Jambi");
        signIn(context, "pekerja.alyatama");
        PersonView adult = people.register(aPerson(alyatama)
                .named("Marlina Formulir")
                .born(LocalDate.of(1985, 1, 2))
                .acceptingWarnings()
                .build());
        signOut();

        String page = mvc.perform(post("/people/" + adult.id() + "/consents")
                        .with(csrf())
                        .with(as(context, "pekerja.alyatama"))
                        .param("purpose", "CHILD_WELFARE_SERVICES")
                        .param("basis", "CONSENT")
                        .param("givenBy", "PARENT")
                        .param("method", "THUMBPRINT")
                        .param("noticeVersion", "2025.7")
                        .param("givenOn", "2026-03-04"))
                .andExpect(status().isUnprocessableContent())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page)
                .contains("<option value=\"CHILD_WELFARE_SERVICES\" selected>")
                .contains("<option value=\"CONSENT\" selected>")
                .contains("<option value=\"PARENT\" selected>")
                .contains("<option value=\"THUMBPRINT\" selected>")
                .contains("value=\"2025.7\"")
                .contains("value=\"2026-03-04\"")
                .contains("href=\"#cGiver\"")
                .contains("id=\"consentErrors\"")
                .contains("/js/form-errors.js");
    }

    @Test
    void aRefusedRegistrationListsEachFieldWithALinkToIt() throws Exception {
        long alyatama = unit(context, "PSAA Alyatama Jambi");
        String page = mvc.perform(post("/people")
                        .with(csrf())
                        .with(as(context, "pekerja.alyatama"))
                        .param("orgUnitId", String.valueOf(alyatama))
                        .param("fullName", "Yulia Formulir")
                        .param("birthPlace", "Muara Bulian")
                        .param("birthDate", "2099-01-01"))
                .andExpect(status().isUnprocessableContent())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains("href=\"#sexM\"")
                .contains("value=\"Yulia Formulir\"")
                .contains("value=\"Muara Bulian\"")
                .contains("data-error-summary");
    }

    @Test
    void anExportRefusedForItsReasonKeepsTheSearchAndLinksTheReason() throws Exception {
        signIn(context, "manajer.kartini");
        people.register(aPerson(unit(context, "BBRSBG Kartini Temanggung"))
                .named("Rizkiyanto Ekspor")
                .region("33.23.01.2001")
                .acceptingWarnings()
                .build());
        signOut();
        String page = mvc.perform(post("/people/export")
                        .with(csrf())
                        .with(as(context, "manajer.kartini"))
                        .param("q", "Rizkiyanto Ekspor")
                        .param("reason", "pendek")
                        .param("format", "XLSX"))
                .andExpect(status().isUnprocessableContent())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains("href=\"#reason\"")
                .contains(">pendek</textarea>")
                .containsPattern("id=\"formatXlsx\" value=\"XLSX\"\\s+checked");
    }

    private PersonView headOfAHousehold(String name) {
        signIn(context, "pekerja.alyatama");
        try {
            PersonView head = people.register(aPerson(unit(context, "PSAA Alyatama Jambi"))
                    .named(name)
                    .born(LocalDate.of(1970, 3, 4))
                    .acceptingWarnings()
                    .build());
            households.create(head.id());
            return head;
        } finally {
            signOut();
        }
    }

    private String refusedHouseholdForm(PersonView head, String form, String... fields) throws Exception {
        long household = households.householdOf(head.id()).orElseThrow();
        var request = post("/people/" + head.id() + "/household/" + household + "/" + form)
                .with(csrf())
                .with(as(context, "pekerja.alyatama"));
        for (int i = 0; i < fields.length; i += 2) {
            request.param(fields[i], fields[i + 1]);
        }
        return mvc.perform(request)
                .andExpect(status().isUnprocessableContent())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    @Test
    void aMemberRefusedForItsRelationshipKeepsThePersonChosenAndLinksTheField() throws Exception {
        PersonView head = headOfAHousehold("Darmawan Rumahtangga");
        signIn(context, "pekerja.alyatama");
        PersonView child = people.register(aPerson(unit(context, "PSAA Alyatama Jambi"))
                .named("Putri Rumahtangga")
                .born(LocalDate.of(2012, 6, 7))
                .acceptingWarnings()
                .build());
        signOut();

        String page = refusedHouseholdForm(head, "members", "memberId", String.valueOf(child.id()));
        assertThat(page)
                .contains("id=\"memberErrors\"")
                .contains("href=\"#relationship\"")
                .contains("name=\"memberId\" value=\"" + child.id() + "\"")
                .contains("/people/picker/chosen/" + child.id())
                .contains("/js/form-errors.js");

        String twoHeads =
                refusedHouseholdForm(head, "members", "memberId", String.valueOf(child.id()), "relationship", "HEAD");
        assertThat(twoHeads).contains("<option value=\"HEAD\" selected>").contains("href=\"#relationship\"");
    }

    @Test
    void aFamilyCardRefusedKeepsTheNumberAndTheDateAndLinksEachField() throws Exception {
        PersonView head = headOfAHousehold("Sukardi Kartukeluarga");
        String page = refusedHouseholdForm(head, "kk", "kk", "12345", "validFrom", "2099-01-01");
        assertThat(page)
                .contains("id=\"kkErrors\"")
                .contains("href=\"#kk\"")
                .contains("href=\"#validFrom\"")
                .contains("value=\"12345\"")
                .contains("value=\"2099-01-01\"");
    }

    @Test
    void aDecileRefusedKeepsWhatWasTypedAndLinksTheField() throws Exception {
        PersonView head = headOfAHousehold("Sumiati Desil");
        String page = refusedHouseholdForm(
                head, "decile", "version", "1", "welfareDecile", "11", "decileCheckedOn", "2026-02-03");
        assertThat(page)
                .contains("id=\"decileErrors\"")
                .contains("href=\"#welfareDecile\"")
                .containsPattern("id=\"welfareDecile\" name=\"welfareDecile\" type=\"number\" min=\"1\" max=\"10\" "
                        + "value=\"11\"")
                .contains("value=\"2026-02-03\"");
    }

    @Test
    void anUploadRefusedListsTheFieldToFixWithALinkToIt() throws Exception {
        String page = mvc.perform(multipart("/people/import")
                        .file(new MockMultipartFile("file", "orang.csv", "text/csv", "a,b\n1,2\n".getBytes()))
                        .with(csrf())
                        .with(as(context, "pekerja.alyatama")))
                .andExpect(status().isUnprocessableContent())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("id=\"uploadErrors\"").contains("href=\"#orgUnitId\"");
    }
}
