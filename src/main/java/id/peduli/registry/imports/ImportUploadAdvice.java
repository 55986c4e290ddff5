package id.peduli.registry.imports;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * An import file over the upload limit is refused before any controller sees it; this says why, in the user's
 * language: a problem detail for the API, the import page with the message for the browser.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ImportUploadAdvice {

    private final MessageSource messages;
    private final ImportSettings settings;

    ImportUploadAdvice(MessageSource messages, ImportSettings settings) {
        this.messages = messages;
        this.settings = settings;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    Object tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
        String path = request.getRequestURI();
        String text = messages.getMessage(
                "import.file.tooLarge",
                new Object[] {settings.maxMegabytes()},
                RequestContextUtils.getLocale(request) == null
                        ? LocaleContextHolder.getLocale()
                        : RequestContextUtils.getLocale(request));
        if (path.startsWith("/api/v1/people/imports")) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, text);
            problem.setProperty("code", "import.file.tooLarge");
            problem.setProperty("field", "file");
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem);
        }
        if (path.startsWith("/people/import")) {
            var flash = RequestContextUtils.getOutputFlashMap(request);
            flash.putAll(Map.of("error", text));
            return "redirect:/people/import";
        }
        throw e;
    }
}
