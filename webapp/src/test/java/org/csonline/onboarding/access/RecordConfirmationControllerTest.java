package org.csonline.onboarding.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.csonline.onboarding.audit.AuditLog;
import org.csonline.onboarding.onboarding.OnboardingRepository;
import org.csonline.onboarding.web.ApplicantSession;
import org.csonline.onboarding.web.FormErrors;
import org.csonline.onboarding.web.PageSlice;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** Guide step 13's answers on their own: each wrong one is named, in the page's order, and the answers come back. */
@WebMvcTest
@WithMockUser
class RecordConfirmationControllerTest {

    @Configuration(proxyBeanMethods = false)
    @Import({PageSlice.class, RecordConfirmationController.class})
    static class Slice {
    }

    @Autowired
    MockMvc mvc;
    @MockitoBean
    OnboardingRepository onboardings;
    @MockitoBean
    RecordConfirmation confirmation;
    @MockitoBean
    AccessReviewService reviews;
    @MockitoBean
    AuditLog audit;
    @MockitoBean
    ApplicantSession session;

    @BeforeEach
    void anApplicantOnAJourney() {
        when(session.onboardingId()).thenReturn(Optional.of(UUID.randomUUID()));
    }

    @Test
    void nothingAnsweredNamesBothQuestionsInOrder() throws Exception {
        MvcResult result = mvc.perform(post("/setup").with(csrf())).andExpect(redirectedUrl("/setup")).andReturn();
        assertThat(errors(result).all()).extracting(FormErrors.FieldMessage::field)
                .containsExactly("recordSelected", "confirmRecord");
        assertThat(result.getFlashMap().get("form")).isEqualTo(Map.of("recordSelected", "", "confirmRecord", ""));
    }

    @Test
    void noIsNotYesAndTheAnswersComeBack() throws Exception {
        MvcResult result = mvc.perform(post("/setup").with(csrf()).param("recordSelected", "R-1")
                        .param("confirmRecord", "no"))
                .andExpect(redirectedUrl("/setup")).andReturn();
        assertThat(errors(result).all()).containsExactly(new FormErrors.FieldMessage("confirmRecord",
                errors(result).text("confirmRecord")));
        assertThat(errors(result).text("confirmRecord")).isNotEqualTo(emptyAnswerText());
        assertThat(result.getFlashMap().get("form")).isEqualTo(Map.of("recordSelected", "R-1", "confirmRecord", "no"));
    }

    @Test
    void yesGoesOnToSubmit() throws Exception {
        mvc.perform(post("/setup").with(csrf()).param("recordSelected", "R-1").param("confirmRecord", "yes"))
                .andExpect(redirectedUrl("/setup/submit"));
    }

    private String emptyAnswerText() throws Exception {
        return errors(mvc.perform(post("/setup").with(csrf()).param("recordSelected", "R-1")).andReturn())
                .text("confirmRecord");
    }

    private static FormErrors errors(MvcResult result) {
        return (FormErrors) result.getFlashMap().get("errors");
    }
}
