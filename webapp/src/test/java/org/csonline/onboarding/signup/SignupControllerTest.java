package org.csonline.onboarding.signup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.csonline.onboarding.audit.AuditLog;
import org.csonline.onboarding.ratelimit.RateLimiter;
import org.csonline.onboarding.support.UserInputException;
import org.csonline.onboarding.support.UserInputException.InputError;
import org.csonline.onboarding.web.ApplicantSession;
import org.csonline.onboarding.web.PageSlice;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** Guide step 10 on its own: a refused form shows each problem and the names typed, never the passwords. */
@WebMvcTest
@WithMockUser
class SignupControllerTest {

    @Configuration(proxyBeanMethods = false)
    @Import({PageSlice.class, SignupController.class})
    static class Slice {
    }

    @Autowired
    MockMvc mvc;
    @MockitoBean
    SignupService signups;
    @MockitoBean
    RateLimiter rateLimiter;
    @MockitoBean
    AuditLog audit;
    @MockitoBean
    ApplicantSession session;

    final UUID onboarding = UUID.randomUUID();

    @BeforeEach
    void anApplicantWithAVerifiedEmail() {
        when(session.onboardingId()).thenReturn(Optional.of(onboarding));
        when(signups.isEmailVerified(onboarding)).thenReturn(true);
    }

    @Test
    void refusedDetailsKeepTheNamesButNotThePasswords() throws Exception {
        doThrow(new UserInputException(List.of(new InputError("surname", "signup.surname.required"),
                new InputError("newPassword", "signup.password.tooShort", 12))))
                .when(signups).submitDetails(eq(onboarding), any());
        Document page = Jsoup.parse(mvc.perform(post("/signup/details").with(csrf()).param("givenName", "Sam")
                        .param("newPassword", "short1").param("confirmNewPassword", "short1"))
                .andExpect(status().isOk()).andExpect(view().name("applicant/signup-details"))
                .andReturn().getResponse().getContentAsString());
        assertThat(page.select(".govuk-error-summary__list a").eachAttr("href"))
                .containsExactly("#surname", "#newPassword");
        assertThat(page.getElementById("givenName").val()).isEqualTo("Sam");
        assertThat(page.getElementById("surname").val()).isEmpty();
        assertThat(page.getElementById("newPassword").val()).isEmpty();
        assertThat(page.getElementById("confirmNewPassword").val()).isEmpty();
        assertThat(page.html()).doesNotContain("short1");
    }
}
