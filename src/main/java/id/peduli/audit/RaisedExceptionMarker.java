package id.peduli.audit;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * Marks a request whose handler raised an exception, before the usual resolvers turn it into an error page or a
 * problem detail, so that {@link RefusedAttempts} can tell a 404 raised by a check from one a handler answered on
 * purpose. It resolves nothing itself.
 */
@Component
class RaisedExceptionMarker implements HandlerExceptionResolver, Ordered {

    static final String RAISED = RaisedExceptionMarker.class.getName() + ".RAISED";

    @Override
    public ModelAndView resolveException(
            HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
        request.setAttribute(RAISED, Boolean.TRUE);
        return null;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
