package id.peduli.platform;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Web pieces of the API conventions in {@code docs/api.md}: idempotent creates. */
@Configuration(proxyBeanMethods = false)
class ApiContractWebConfiguration implements WebMvcConfigurer {

    private final IdempotencyInterceptor idempotency;

    ApiContractWebConfiguration(IdempotencyInterceptor idempotency) {
        this.idempotency = idempotency;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(idempotency).addPathPatterns("/api/**");
    }
}
