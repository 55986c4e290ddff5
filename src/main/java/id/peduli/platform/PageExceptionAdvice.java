package id.peduli.platform;

import id.peduli.shared.BusinessException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * For pages: a business refusal or a stale edit that the controller did not turn into a form message is shown as
 * a translated error page with the right status.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageExceptionAdvice {

    private static final Logger log = LoggerFactory.getLogger(PageExceptionAdvice.class);

    private final UiAdvice uiAdvice;

    PageExceptionAdvice(UiAdvice uiAdvice) {
        this.uiAdvice = uiAdvice;
    }

    @ExceptionHandler(BusinessException.class)
    ModelAndView business(BusinessException e, HttpServletRequest request, HttpServletResponse response) {
        Ui ui = uiAdvice.ui(request);
        return page(response, ui, e.status(), ui.t(e.messageKey(), e.args()));
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ModelAndView stale(HttpServletRequest request, HttpServletResponse response) {
        Ui ui = uiAdvice.ui(request);
        return page(response, ui, 409, ui.t("error.staleVersion"));
    }

    /**
     * The database cannot be reached for the moment: a translated "temporarily unavailable" page with
     * {@code Retry-After}, quickly (the pool waits only {@code peduli.database.connection-timeout}) and with one
     * warning line instead of a stack trace per request.
     */
    @ExceptionHandler({
        DataAccessResourceFailureException.class,
        TransientDataAccessException.class,
        CannotCreateTransactionException.class
    })
    ModelAndView unavailable(Exception e, HttpServletRequest request, HttpServletResponse response) {
        log.warn(
                "Database unavailable, answered 503 for {} {}: {}",
                request.getMethod(),
                request.getRequestURI(),
                DatabaseUnavailableFilter.rootClass(e));
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseUnavailableFilter.RETRY_AFTER_SECONDS));
        Ui ui = uiAdvice.ui(request);
        return page(response, ui, 503, ui.t("error.unavailable"));
    }

    private static ModelAndView page(HttpServletResponse response, Ui ui, int status, String message) {
        response.setStatus(status);
        ModelAndView mav = new ModelAndView("platform/error");
        mav.addObject("ui", ui);
        mav.addObject("status", status);
        mav.addObject("titleKey", "error." + family(status) + ".title");
        mav.addObject("messageKey", message);
        return mav;
    }

    private static String family(int status) {
        return switch (status) {
            case 400, 403, 404, 409, 413, 422, 503 -> String.valueOf(status);
            default -> status < 500 ? "400" : "500";
        };
    }
}
