package id.peduli.access;

import id.peduli.platform.Flash;
import id.peduli.platform.FormErrors;
import id.peduli.platform.Ui;
import id.peduli.shared.BusinessException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The signed-in user's own account: profile, password and API tokens. Every signed-in user may use it. */
@Controller
class AccountController {

    private final Users users;
    private final ApiTokens tokens;
    private final Accounts accounts;
    private final SecurityContextRepository contextRepository = new HttpSessionSecurityContextRepository();

    AccountController(Users users, ApiTokens tokens, Accounts accounts) {
        this.users = users;
        this.tokens = tokens;
        this.accounts = accounts;
    }

    @GetMapping("/account")
    String account(@AuthenticationPrincipal AccountDetails me, Model model) {
        model.addAttribute("user", users.get(me.userId()));
        return "access/account";
    }

    @GetMapping("/account/password")
    String passwordForm(@AuthenticationPrincipal AccountDetails me, Model model) {
        model.addAttribute("errors", FormErrors.none());
        model.addAttribute("forced", me.mustChangePassword());
        return "access/password";
    }

    @PostMapping("/account/password")
    String changePassword(
            @AuthenticationPrincipal AccountDetails me,
            @RequestParam(value = "currentPassword", required = false) String currentPassword,
            @RequestParam(value = "password", required = false) String password,
            @RequestParam(value = "confirmation", required = false) String confirmation,
            Ui ui,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            if (password == null || !password.equals(confirmation)) {
                throw BusinessException.invalid("confirmation", "password.mismatch");
            }
            users.changePassword(me.userId(), currentPassword, password);
        } catch (BusinessException e) {
            model.addAttribute("errors", ui.errors(e));
            model.addAttribute("forced", me.mustChangePassword());
            response.setStatus(422);
            return "access/password";
        }
        refreshPrincipal(me.userId(), request, response);
        Flash.success(redirect, ui.t("password.changed"));
        return "redirect:/account";
    }

    @GetMapping("/account/tokens")
    String tokens(@AuthenticationPrincipal AccountDetails me, Model model) {
        model.addAttribute("tokens", tokens.rows(me.userId()));
        model.addAttribute("created", null);
        model.addAttribute("errors", FormErrors.none());
        return "access/tokens";
    }

    @PostMapping("/account/tokens")
    String createToken(
            @AuthenticationPrincipal AccountDetails me,
            @RequestParam(value = "name", required = false) String name,
            @RequestParam(value = "days", defaultValue = "90") int days,
            Ui ui,
            Model model,
            HttpServletResponse response) {
        try {
            ApiTokens.CreatedToken created = tokens.create(me.userId(), name, days);
            model.addAttribute("created", created.secret());
            model.addAttribute("errors", FormErrors.none());
        } catch (BusinessException e) {
            model.addAttribute("created", null);
            model.addAttribute("errors", ui.errors(e));
            response.setStatus(422);
        }
        model.addAttribute("tokens", tokens.rows(me.userId()));
        return "access/tokens";
    }

    @PostMapping("/account/tokens/{id}/revoke")
    String revoke(
            @AuthenticationPrincipal AccountDetails me, @PathVariable long id, Ui ui, RedirectAttributes redirect) {
        tokens.revoke(me.userId(), id);
        Flash.success(redirect, ui.t("token.revokedDone"));
        return "redirect:/account/tokens";
    }

    private void refreshPrincipal(long userId, HttpServletRequest request, HttpServletResponse response) {
        accounts.byId(userId).ifPresent(row -> {
            AccountDetails details = accounts.details(row);
            details.eraseCredentials();
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(
                    UsernamePasswordAuthenticationToken.authenticated(details, null, details.getAuthorities()));
            SecurityContextHolder.setContext(context);
            contextRepository.saveContext(context, request, response);
        });
    }
}
