package id.peduli.platform;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    private final UiAdvice uiAdvice;
    private final RoleCheckBeforeBinding roleCheck;

    WebConfiguration(UiAdvice uiAdvice, RoleCheckBeforeBinding roleCheck) {
        this.uiAdvice = uiAdvice;
        this.roleCheck = roleCheck;
    }

    @Bean
    LocaleResolver localeResolver() {
        return new Languages();
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(roleCheck);
        registry.addInterceptor(uiAdvice).excludePathPatterns("/api/**", "/webjars/**", "/css/**", "/js/**");
    }

    @Override
    public void addArgumentResolvers(java.util.List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new UiArgumentResolver(uiAdvice));
    }
}
