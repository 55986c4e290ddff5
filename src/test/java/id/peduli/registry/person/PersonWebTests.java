package id.peduli.registry.person;

import static id.peduli.access.AccessTestSupport.as;
import static id.peduli.access.AccessTestSupport.bearer;
import static id.peduli.registry.RegistryTestSupport.unit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.peduli.PeduliTest;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.List;
import javax.imageio.ImageIO;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@PeduliTest
class PersonWebTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    private long register(String name, String birthDate) throws Exception {
        long alyatama = unit(context, "PSAA Alyatama Jambi");
        MvcResult result = mvc.perform(bearer(post("/api/v1/people"), context, "pekerja.alyatama")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"orgUnitId":%d,"fullName":"%s","sex":"F","birthDate":"%s",
                                 "regionCode":"15.71.02","acceptWarnings":true}
                                """.formatted(alyatama, name, birthDate)))
                .andExpect(status().isCreated())
                .andReturn();
        return ((Number) com.jayway.jsonpath.JsonPath.read(result.getResponse().getContentAsString(), "$.id"))
                .longValue();
    }

    @Test
    void registeringATypoedDuplicateInTheBrowserShowsTheCandidateAndNeedsConfirmation() throws Exception {
        long alyatama = unit(context, "PSAA Alyatama Jambi");
        register("Siti Lestari Halaman", "1993-04-12");
        var form = post("/people")
                .with(as(context, "pekerja.alyatama"))
                .with(csrf())
                .param("orgUnitId", String.valueOf(alyatama))
                .param("fullName", "Siti Lestary Halaman")
                .param("sex", "F")
                .param("birthDate", "1993-04-12")
                .param("regionCode", "15.71.02");
        mvc.perform(form)
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(Matchers.containsString("Kemungkinan orang yang sama")))
                .andExpect(content().string(Matchers.containsString("Siti Lestari Halaman")))
                .andExpect(content().string(Matchers.containsString("id=\"acceptWarnings\"")))
                // A warning the user may accept is marked as one, not as an error.
                .andExpect(content().string(Matchers.containsString("is-warning")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("is-invalid"))));
        mvc.perform(form.param("acceptWarnings", "true")).andExpect(status().isFound());
    }

    @Test
    void aMergedRecordCannotBeEditedOnThePageOrThroughTheApi() throws Exception {
        long alyatama = unit(context, "PSAA Alyatama Jambi");
        long survivor = register("Gabung Tetap Sekar", "1961-02-03");
        long merged = register("Gabung Lama Sekar", "1961-02-03");
        jdbc.sql("update registry.person set merged_into = ? where id = ?")
                .params(survivor, merged)
                .update();
        mvc.perform(get("/people/" + merged + "/edit").with(as(context, "pekerja.alyatama")))
                .andExpect(status().isFound())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl(
                        "/people/" + merged))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("error", Matchers.containsString("#" + survivor)));
        mvc.perform(bearer(put("/api/v1/people/" + merged), context, "pekerja.alyatama")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"version":0,"person":{"orgUnitId":%d,"fullName":"Gabung Baru","sex":"F",
                                 "birthDate":"1961-02-03","regionCode":"15.71.02","acceptWarnings":true}}
                                """.formatted(alyatama)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("person.mergedNoEdit"));
    }

    @Test
    void registrationErrorsAreShownPerFieldInTheUsersLanguage() throws Exception {
        long alyatama = unit(context, "PSAA Alyatama Jambi");
        mvc.perform(post("/people")
                        .with(as(context, "pekerja.alyatama"))
                        .with(csrf())
                        .cookie(new jakarta.servlet.http.Cookie("peduli_lang", "en"))
                        .param("orgUnitId", String.valueOf(alyatama))
                        .param("fullName", "Tanpa Lahir")
                        .param("sex", "M")
                        .param("nik", "15710117059")
                        .param("regionCode", "15.71.99.9999"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(Matchers.containsString("Enter the birth date")))
                .andExpect(content().string(Matchers.containsString("A NIK has 16 digits (this one has 11).")))
                .andExpect(content().string(Matchers.containsString("15.71.99.9999")));
    }

    @Test
    void openingAProfileIsLoggedWithItsPurpose() throws Exception {
        long id = register("Profil Dicatat", "2001-01-01");
        mvc.perform(get("/people/" + id).param("purpose", "ELIGIBILITY_CHECK").with(as(context, "pekerja.alyatama")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Profil Dicatat")));
        for (String tab : List.of("household", "consent", "programmes", "history")) {
            mvc.perform(get("/people/" + id).param("tab", tab).with(as(context, "pekerja.alyatama")))
                    .andExpect(status().isOk());
        }
        assertThat(jdbc.sql("select count(*) from audit.entry where action = 'VIEW' and subject_type = 'Person' and "
                                + "subject_id = ? and purpose = 'ELIGIBILITY_CHECK' and username = 'pekerja.alyatama'")
                        .param(String.valueOf(id))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void peopleOfAnotherUnitAreRefusedOnPagesAndTheApi() throws Exception {
        long id = register("Orang Jambi Tertutup", "2003-03-03");
        // A registry role for another unit: the person is "not found", exactly like a missing id.
        mvc.perform(get("/people/" + id).with(as(context, "pendamping.temanggung")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/people/" + id + "/edit").with(as(context, "pendamping.temanggung")))
                .andExpect(status().isNotFound());
        mvc.perform(bearer(get("/api/v1/people/" + id), context, "pendamping.temanggung"))
                .andExpect(status().isNotFound());
        mvc.perform(bearer(get("/api/v1/people/" + id + "/consents"), context, "manajer.kartini"))
                .andExpect(status().isNotFound());
        // No registry role at all: refused before any record is looked at.
        for (String user : List.of("evaluator", "sekretariat", "auditor", "admin")) {
            mvc.perform(get("/people/new").with(as(context, user))).andExpect(status().isForbidden());
            mvc.perform(get("/people/" + id).with(as(context, user))).andExpect(status().isForbidden());
            mvc.perform(bearer(post("/api/v1/people"), context, user)
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"orgUnitId\":1,\"fullName\":\"X\",\"sex\":\"M\",\"birthYear\":1990}"))
                    .andExpect(status().isForbidden());
            mvc.perform(bearer(get("/api/v1/people/" + id), context, user)).andExpect(status().isForbidden());
        }
        mvc.perform(bearer(get("/api/v1/people/" + id), context, "dpo")).andExpect(status().isOk());
    }

    @Test
    void theApiAsksToConfirmWarningsAndListsCandidatesInScope() throws Exception {
        long alyatama = unit(context, "PSAA Alyatama Jambi");
        register("Ahmad Fauzi Api", "1980-10-10");
        mvc.perform(bearer(post("/api/v1/people"), context, "pekerja.alyatama")
                        .header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"orgUnitId":%d,"fullName":"Achmad Fauzy Api","sex":"F","birthDate":"1980-10-10",
                                 "regionCode":"15.71.02"}
                                """.formatted(alyatama)))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("validation.confirmWarnings"))
                .andExpect(jsonPath("$.candidates[0].fullName").value("Ahmad Fauzi Api"))
                .andExpect(jsonPath("$.warnings[0].code").value("person.possibleDuplicates"));
    }

    @Test
    void staleEditsThroughTheApiAreRefused() throws Exception {
        long alyatama = unit(context, "PSAA Alyatama Jambi");
        long id = register("Versi Api", "1975-05-05");
        String body = """
                {"version":0,"person":{"orgUnitId":%d,"fullName":"%s","sex":"F","birthDate":"1975-05-05",
                 "regionCode":"15.71.02","acceptWarnings":true}}
                """;
        mvc.perform(bearer(put("/api/v1/people/" + id), context, "pekerja.alyatama")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body.formatted(alyatama, "Versi Api Satu")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(1));
        mvc.perform(bearer(put("/api/v1/people/" + id), context, "pekerja.alyatama")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body.formatted(alyatama, "Versi Api Dua")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("error.staleVersion"));
    }

    @Test
    void photosAreCheckedByContentAndSize() throws Exception {
        long id = register("Foto Uji", "2005-06-07");
        BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        mvc.perform(multipart("/people/" + id + "/photo")
                        .file(new MockMultipartFile("photo", "wajah.png", "image/png", png.toByteArray()))
                        .with(as(context, "pekerja.alyatama"))
                        .with(csrf()))
                .andExpect(status().isFound());
        mvc.perform(get("/people/" + id + "/photo").with(as(context, "pekerja.alyatama")))
                .andExpect(status().isOk())
                .andExpect(content().contentType("image/png"));
        mvc.perform(bearer(put("/api/v1/people/" + id + "/photo"), context, "pekerja.alyatama")
                        .contentType(MediaType.IMAGE_PNG)
                        .content("this is not an image".getBytes()))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.code").value("photo.wrongType"));
        byte[] huge = new byte[3 * 1024 * 1024];
        huge[0] = (byte) 0xFF;
        huge[1] = (byte) 0xD8;
        huge[2] = (byte) 0xFF;
        mvc.perform(bearer(put("/api/v1/people/" + id + "/photo"), context, "pekerja.alyatama")
                        .contentType(MediaType.IMAGE_JPEG)
                        .content(huge))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(jsonPath("$.code").value("photo.tooLarge"));
    }

    @Test
    void photosAreRefusedAboveAPixelCountAndStoredWithoutTheirLocation() throws Exception {
        long id = register("Foto Lokasi", "2004-03-02");
        mvc.perform(bearer(put("/api/v1/people/" + id + "/photo"), context, "pekerja.alyatama")
                        .contentType(MediaType.IMAGE_PNG)
                        .content(PhotosTest.pngHeader(70_000, 70_000)))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(jsonPath("$.code").value("photo.tooManyPixels"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("megapiksel")));
        mvc.perform(bearer(put("/api/v1/people/" + id + "/photo"), context, "pekerja.alyatama")
                        .contentType(MediaType.IMAGE_JPEG)
                        .content(PhotosTest.jpegWithGps(16, 8, 1)))
                .andExpect(status().isNoContent());
        byte[] stored = mvc.perform(get("/people/" + id + "/photo").with(as(context, "pekerja.alyatama")))
                .andExpect(status().isOk())
                .andExpect(content().contentType("image/jpeg"))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        String text = new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1);
        org.assertj.core.api.Assertions.assertThat(text).doesNotContain("Exif").doesNotContain("RUMAH-KELUARGA-GPS");
    }
}
