package org.csonline.onboarding.account;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Applicant pages check, on every request, that the password the session signed in with is still the account's. */
@Configuration(proxyBeanMethods = false)
class AccountWebConfiguration implements WebMvcConfigurer {

    private final SignedOutByPasswordChange signedOutByPasswordChange;

    AccountWebConfiguration(SignedOutByPasswordChange signedOutByPasswordChange) {
        this.signedOutByPasswordChange = signedOutByPasswordChange;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(signedOutByPasswordChange).excludePathPatterns("/staff/**", "/webjars/**", "/css/**",
                "/js/**", "/webhooks/**", "/dev/**");
    }
}
