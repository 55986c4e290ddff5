package id.peduli.registry.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NameKeyTest {

    @Test
    void spellingsOfMuhammadMeet() {
        String key = NameKey.of("Muhammad Rizki");
        assertThat(NameKey.of("Muhamad Rizki")).isEqualTo(key);
        assertThat(NameKey.of("Mohammad Rizki")).isEqualTo(key);
        assertThat(NameKey.of("Mohamad Rizki")).isEqualTo(key);
        assertThat(NameKey.of("Moch. Rizki")).isEqualTo(key);
        assertThat(NameKey.of("Mochammad Rizki")).isEqualTo(key);
        assertThat(NameKey.of("MUHAMMAD  RIZKY")).isEqualTo(key);
        assertThat(key).isEqualTo("muhamad rizki");
    }

    @Test
    void aFinalYIsAnI() {
        assertThat(NameKey.of("Siti Lestary")).isEqualTo(NameKey.of("Siti Lestari"));
        assertThat(NameKey.of("Hendy")).isEqualTo(NameKey.of("Hendi"));
    }

    @Test
    void oldSpellingsMeetCurrentOnes() {
        assertThat(NameKey.of("Soekarno")).isEqualTo(NameKey.of("Sukarno"));
        assertThat(NameKey.of("Djoko")).isEqualTo(NameKey.of("Joko"));
        assertThat(NameKey.of("Djoko Soesilo")).isEqualTo("joko susilo");
        assertThat(NameKey.of("Tjahjono")).isEqualTo(NameKey.of("Cahjono"));
    }

    @Test
    void doubledLettersCaseAccentsAndPunctuationDoNotMatter() {
        assertThat(NameKey.of("Daffa")).isEqualTo(NameKey.of("Dafa"));
        assertThat(NameKey.of("Sri  Wahyuni-Utami")).isEqualTo("sri wahyuni utami");
        assertThat(NameKey.of("Andrés")).isEqualTo("andres");
        assertThat(NameKey.of(null)).isEmpty();
        assertThat(NameKey.of(" .. ")).isEmpty();
    }

    @Test
    void differentNamesStayDifferent() {
        assertThat(NameKey.of("Siti Lestari")).isNotEqualTo(NameKey.of("Sita Lestari"));
        assertThat(NameKey.of("Joko")).isNotEqualTo(NameKey.of("Jaka"));
    }
}
