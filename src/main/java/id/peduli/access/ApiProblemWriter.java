package id.peduli.access;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/** Writes RFC 9457 problem details from security filters, where no controller advice runs. */
@Component
class ApiProblemWriter {

    private final MessageSource messages;
    private final LocaleResolver localeResolver;
    private final JsonMapper json = JsonMapper.builder().build();

    ApiProblemWriter(MessageSource messages, LocaleResolver localeResolver) {
        this.messages = messages;
        this.localeResolver = localeResolver;
    }

    void write(HttpServletRequest request, HttpServletResponse response, int status, String detailKey)
            throws IOException {
        Locale locale = localeResolver.resolveLocale(request);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", messages.getMessage("error." + status + ".title", null, locale));
        body.put("status", status);
        body.put("detail", messages.getMessage(detailKey, null, locale));
        body.put("instance", request.getRequestURI());
        body.put("code", detailKey);
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        if (status == 401) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"peduli\"");
        }
        response.getWriter().write(json.writeValueAsString(body));
    }
}
