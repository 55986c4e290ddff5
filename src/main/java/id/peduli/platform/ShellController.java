package id.peduli.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;

/** Home, About and the language switch: open to every signed-in user (About and language also before login). */
@Controller
class ShellController {

    private final LocaleResolver localeResolver;
    private final ApplicationEventPublisher events;
    private final BuildInfo buildInfo;
    private final HomePage homePage;

    ShellController(
            LocaleResolver localeResolver, ApplicationEventPublisher events, BuildInfo buildInfo, HomePage homePage) {
        this.localeResolver = localeResolver;
        this.events = events;
        this.buildInfo = buildInfo;
        this.homePage = homePage;
    }

    /** What Peduli is for each role the user holds, and what to do first: tasks waiting with counts, first steps. */
    @GetMapping("/")
    String home(org.springframework.ui.Model model) {
        PeduliPrincipal principal = UiAdvice.currentPrincipal();
        model.addAttribute("parts", principal == null ? java.util.List.of() : homePage.parts(principal));
        return "platform/home";
    }

    @GetMapping("/about")
    String about(org.springframework.ui.Model model) {
        model.addAttribute("version", buildInfo.version());
        return "platform/about";
    }

    @PostMapping("/language")
    String language(
            @RequestParam("lang") String lang,
            @RequestParam(value = "back", required = false) String back,
            HttpServletRequest request,
            HttpServletResponse response) {
        localeResolver.setLocale(request, response, Languages.supportedOrDefault(lang));
        PeduliPrincipal principal = UiAdvice.currentPrincipal();
        if (principal != null) {
            events.publishEvent(new LanguageChanged(
                    principal.userId(), Languages.supportedOrDefault(lang).getLanguage()));
        }
        return "redirect:" + safeLocalPath(back);
    }

    /** Only a path on this site is followed back, never another host. */
    static String safeLocalPath(String back) {
        if (back == null
                || !back.startsWith("/")
                || back.startsWith("//")
                || back.contains("\\")
                || back.contains("\r")
                || back.contains("\n")) {
            return "/";
        }
        return back;
    }
}
