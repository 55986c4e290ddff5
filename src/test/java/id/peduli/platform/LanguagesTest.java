package id.peduli.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class LanguagesTest {

    @Test
    void theLanguageCookieIsSecureOnlyWhenTheRequestCameOverHttps() {
        MockHttpServletRequest secure = new MockHttpServletRequest();
        secure.setSecure(true);
        MockHttpServletResponse secureResponse = new MockHttpServletResponse();
        new Languages().setLocale(secure, secureResponse, Locale.ENGLISH);
        assertThat(secureResponse.getCookie("peduli_lang")).satisfies(cookie -> {
            assertThat(cookie.getValue()).isEqualTo("en");
            assertThat(cookie.getSecure()).isTrue();
            assertThat(cookie.isHttpOnly()).isTrue();
        });

        MockHttpServletResponse plainResponse = new MockHttpServletResponse();
        new Languages().setLocale(new MockHttpServletRequest(), plainResponse, Locale.ENGLISH);
        assertThat(plainResponse.getCookie("peduli_lang").getSecure()).isFalse();
    }
}
