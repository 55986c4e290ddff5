package id.peduli.access;

import id.peduli.platform.DemoSeed;
import id.peduli.platform.RunMode;
import java.util.Comparator;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in page, open to everyone. In demo mode it lists the demo accounts. */
@Controller
class LoginController {

    private final RunMode runMode;
    private final String demoPassword;
    private final ObjectProvider<DemoSeed> seeds;

    LoginController(
            RunMode runMode, @Value("${peduli.demo.password}") String demoPassword, ObjectProvider<DemoSeed> seeds) {
        this.runMode = runMode;
        this.demoPassword = demoPassword;
        this.seeds = seeds;
    }

    /** The demo accounts the modules' seeds create, the story's first. */
    List<DemoSeed.Account> demoAccounts() {
        return seeds.orderedStream()
                .sorted(Comparator.comparingInt(DemoSeed::order).thenComparing(DemoSeed::name))
                .flatMap(seed -> seed.accounts().stream())
                .toList();
    }

    @GetMapping("/login")
    String login(
            @RequestParam(value = "error", required = false) String error,
            @RequestParam(value = "logout", required = false) String logout,
            Model model) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null
                && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken)) {
            return "redirect:/";
        }
        // One message for every refusal: it must not tell whether the account exists, is locked or is disabled.
        // Only a sign-in that could not be checked at all (the database unreachable) is told so.
        String errorKey =
                error == null ? null : "unavailable".equals(error) ? "login.error.unavailable" : "login.error.bad";
        model.addAttribute("errorKey", errorKey);
        model.addAttribute("loggedOut", logout != null);
        model.addAttribute("demoAccounts", runMode.demo() ? demoAccounts() : List.<DemoSeed.Account>of());
        model.addAttribute("demoPassword", runMode.demo() ? demoPassword : "");
        return "access/login";
    }
}
