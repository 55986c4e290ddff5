package id.peduli.platform;

import id.peduli.shared.BusinessException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
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
            case 400, 403, 404, 409, 413, 422 -> String.valueOf(status);
            default -> status < 500 ? "400" : "500";
        };
    }
}
