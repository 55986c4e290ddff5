package id.peduli.platform;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Messages shown once on the next page after a redirect. */
public final class Flash {

    private Flash() {}

    public static void success(RedirectAttributes attributes, String message) {
        attributes.addFlashAttribute("success", message);
    }

    public static void error(RedirectAttributes attributes, String message) {
        attributes.addFlashAttribute("error", message);
    }
}
