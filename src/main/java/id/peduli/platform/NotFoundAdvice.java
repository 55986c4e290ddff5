package id.peduli.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** A path no controller or static file answers: a translated page, or a problem detail under /api. */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class NotFoundAdvice {

    private final UiAdvice uiAdvice;

    NotFoundAdvice(UiAdvice uiAdvice) {
        this.uiAdvice = uiAdvice;
    }

    @ExceptionHandler(NoResourceFoundException.class)
    Object notFound(HttpServletRequest request, HttpServletResponse response) {
        Ui ui = uiAdvice.ui(request);
        if (request.getRequestURI().startsWith("/api/")) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ui.t("error.404.message"));
            problem.setTitle(ui.t("error.404.title"));
            problem.setInstance(URI.create(request.getRequestURI()));
            problem.setProperty("code", "error.404.message");
            return ResponseEntity.status(HttpStatus.NOT_FOUND)
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem);
        }
        response.setStatus(404);
        ModelAndView mav = new ModelAndView("platform/error");
        mav.addObject("ui", ui);
        mav.addObject("status", 404);
        mav.addObject("titleKey", "error.404.title");
        mav.addObject("messageKey", "error.404.message");
        return mav;
    }
}
