package id.peduli.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.i18n.FixedLocaleResolver;
import org.springframework.web.servlet.support.SessionFlashMapManager;

/**
 * An upload that would leave less than the minimum free on the data directory's disk is refused before its body is
 * read: a problem detail for the API, the page again with a translated message; other requests pass.
 */
class UploadDiskSpaceFilterTest {

    private static UploadDiskSpaceFilter filter(Path dataDir, DataSize minFree, Locale locale) {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("i18n/backup");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return new UploadDiskSpaceFilter(dataDir.toString(), minFree, messages, new FixedLocaleResolver(locale));
    }

    private static MockHttpServletRequest upload(String uri) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", uri);
        request.setContentType("multipart/form-data; boundary=x");
        request.setContent(new byte[1024]);
        return request;
    }

    @Test
    void anApiUploadIsRefusedWithAProblemDetailBeforeItIsRead() throws Exception {
        Path dataDir = Files.createTempDirectory("peduli-disk");
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        filter(dataDir, DataSize.ofTerabytes(1_000_000), Locale.ENGLISH)
                .doFilter(upload("/api/v1/people/imports"), response, chain);
        assertThat(chain.getRequest()).as("the upload went no further").isNull();
        assertThat(response.getStatus()).isEqualTo(507);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getContentAsString()).contains("The server's disk is almost full");
    }

    @Test
    void aPageUploadGoesBackWithATranslatedMessage() throws Exception {
        Path dataDir = Files.createTempDirectory("peduli-disk");
        MockHttpServletRequest request = upload("/people/import");
        request.addHeader("Referer", "http://localhost/people/import");
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        filter(dataDir, DataSize.ofTerabytes(1_000_000), Locale.forLanguageTag("id"))
                .doFilter(request, response, chain);
        assertThat(chain.getRequest()).isNull();
        assertThat(response.getStatus()).isEqualTo(303);
        assertThat(response.getHeader("Location")).isEqualTo("/people/import");
        MockHttpServletRequest next = new MockHttpServletRequest("GET", "/people/import");
        next.setSession(request.getSession());
        FlashMap flash = new SessionFlashMapManager().retrieveAndUpdate(next, new MockHttpServletResponse());
        assertThat((Object) flash).isNotNull();
        assertThat((String) flash.get("error")).startsWith("Ruang disk server hampir habis");
    }

    @Test
    void uploadsWithEnoughRoomAndOtherRequestsPass() throws Exception {
        Path dataDir = Files.createTempDirectory("peduli-disk");
        MockFilterChain chain = new MockFilterChain();
        filter(dataDir, DataSize.ofBytes(0), Locale.ENGLISH)
                .doFilter(upload("/api/v1/people/imports"), new MockHttpServletResponse(), chain);
        assertThat(chain.getRequest()).isNotNull();
        MockFilterChain other = new MockFilterChain();
        filter(dataDir, DataSize.ofTerabytes(1_000_000), Locale.ENGLISH)
                .doFilter(new MockHttpServletRequest("POST", "/people"), new MockHttpServletResponse(), other);
        assertThat(other.getRequest()).isNotNull();
    }
}
