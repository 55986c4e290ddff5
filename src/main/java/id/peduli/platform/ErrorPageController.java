package id.peduli.platform;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Renders errors that reach the servlet container: a translated page for browsers, RFC 9457 problem details for
 * the API. Never shows a stack trace.
 */
@Controller
class ErrorPageController implements ErrorController {

    private final UiAdvice uiAdvice;

    ErrorPageController(UiAdvice uiAdvice) {
        this.uiAdvice = uiAdvice;
    }

    @RequestMapping(value = "/error", produces = MediaType.TEXT_HTML_VALUE)
    String page(HttpServletRequest request, Model model) {
        HttpStatus status = status(request);
        Ui ui = uiAdvice.ui(request);
        model.addAttribute("ui", ui);
        model.addAttribute("status", status.value());
        model.addAttribute("titleKey", "error." + family(status) + ".title");
        model.addAttribute("messageKey", "error." + family(status) + ".message");
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, status.value());
        return "platform/error";
    }

    @RequestMapping("/error")
    ResponseEntity<ProblemDetail> problem(HttpServletRequest request) {
        HttpStatus status = status(request);
        Ui ui = uiAdvice.ui(request);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, ui.t("error." + family(status) + ".message"));
        problem.setTitle(ui.t("error." + family(status) + ".title"));
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (uri != null) {
            problem.setInstance(URI.create(uri.toString()));
        }
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    static String family(HttpStatus status) {
        return switch (status.value()) {
            case 400, 401, 403, 404, 405, 409, 413, 415, 422, 429, 503 -> String.valueOf(status.value());
            default -> status.is4xxClientError() ? "400" : "500";
        };
    }

    private static HttpStatus status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (code instanceof Integer value) {
            HttpStatus resolved = HttpStatus.resolve(value);
            if (resolved != null) {
                return resolved;
            }
        }
        return HttpStatus.INTERNAL_SERVER_ERROR;
    }
}
