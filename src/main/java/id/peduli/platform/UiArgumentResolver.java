package id.peduli.platform;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Lets a page controller take the request's {@link Ui} as a parameter (for translated messages and flash). */
class UiArgumentResolver implements HandlerMethodArgumentResolver {

    private final UiAdvice advice;

    UiArgumentResolver(UiAdvice advice) {
        this.advice = advice;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Ui.class;
    }

    @Override
    public Object resolveArgument(
            MethodParameter parameter,
            ModelAndViewContainer mavContainer,
            NativeWebRequest webRequest,
            WebDataBinderFactory binderFactory) {
        return advice.ui(webRequest.getNativeRequest(HttpServletRequest.class));
    }
}
