package id.peduli.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

class UiTest {

    private static Ui ui(String language) {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("i18n/messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return new Ui(
                Languages.supportedOrDefault(language),
                messages,
                null,
                null,
                List.of(),
                "/",
                null,
                ZoneId.of("Asia/Jakarta"),
                Map.of(),
                Map::of);
    }

    @Test
    void formatsDatesNumbersAndRupiahForIndonesian() {
        Ui ui = ui("id");
        assertThat(ui.date(LocalDate.of(2026, 8, 17))).isEqualTo("17 Agu 2026");
        assertThat(ui.number(1_234_567)).isEqualTo("1.234.567");
        assertThat(ui.rupiah(1_250_000)).isEqualTo("Rp1.250.000");
        assertThat(ui.rupiah(-5_000)).isEqualTo("-Rp5.000");
        assertThat(ui.dateTime(Instant.parse("2026-11-28T01:30:00Z"))).isEqualTo("28 Nov 2026, 08.30");
        assertThat(ui.t("nav.home")).isEqualTo("Beranda");
    }

    @Test
    void formatsDatesNumbersAndRupiahForEnglish() {
        Ui ui = ui("en");
        assertThat(ui.date(LocalDate.of(2026, 8, 17))).isEqualTo("17 Aug 2026");
        assertThat(ui.number(1_234_567)).isEqualTo("1,234,567");
        assertThat(ui.rupiah(1_250_000)).isEqualTo("IDR 1,250,000");
        assertThat(ui.dateTime(Instant.parse("2026-11-28T01:30:00Z"))).isEqualTo("28 Nov 2026, 08:30");
        assertThat(ui.t("nav.home")).isEqualTo("Home");
        assertThat(ui.t("shell.pageOf", 2, 5)).isEqualTo("Page 2 of 5");
    }

    @Test
    void unknownLanguagesFallBackToIndonesian() {
        assertThat(Languages.supportedOrDefault("fr")).isEqualTo(Languages.INDONESIAN);
        assertThat(Languages.supportedOrDefault(null)).isEqualTo(Languages.INDONESIAN);
        assertThat(Languages.supportedOrDefault("EN")).isEqualTo(Languages.ENGLISH);
    }
}
