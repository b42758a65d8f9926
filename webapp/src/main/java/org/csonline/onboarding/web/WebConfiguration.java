package org.csonline.onboarding.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    private final SignedOutByPasswordChange signedOutByPasswordChange;

    WebConfiguration(SignedOutByPasswordChange signedOutByPasswordChange) {
        this.signedOutByPasswordChange = signedOutByPasswordChange;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(signedOutByPasswordChange).excludePathPatterns("/staff/**", "/webjars/**", "/css/**",
                "/js/**", "/webhooks/**", "/dev/**");
    }
}
