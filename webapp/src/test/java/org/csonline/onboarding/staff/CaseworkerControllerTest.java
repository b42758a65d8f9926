package org.csonline.onboarding.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.csonline.onboarding.access.AccessReviewService;
import org.csonline.onboarding.delivery.StuckSteps;
import org.csonline.onboarding.invitation.SetupCodeCheck;
import org.csonline.onboarding.invitation.SetupCodeOutcome;
import org.csonline.onboarding.invitation.SetupCodeService;
import org.csonline.onboarding.notice.StaffDirectory;
import org.csonline.onboarding.notice.StaffNoticeService;
import org.csonline.onboarding.onboarding.NewOnboarding;
import org.csonline.onboarding.onboarding.Onboarding;
import org.csonline.onboarding.onboarding.OnboardingRepository;
import org.csonline.onboarding.onboarding.OnboardingService;
import org.csonline.onboarding.onboarding.OnboardingStatus;
import org.csonline.onboarding.onboarding.TasklistStartService;
import org.csonline.onboarding.support.UserInputException;
import org.csonline.onboarding.timeline.TimelineService;
import org.csonline.onboarding.web.ApplicantSession;
import org.csonline.onboarding.web.PageSlice;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The caseworker's forms on their own: what a refused form shows, and that the services hear only valid input. */
@WebMvcTest
@WithMockUser(username = "jo", roles = "CASEWORKER")
class CaseworkerControllerTest {

    @Configuration(proxyBeanMethods = false)
    @Import({PageSlice.class, CaseworkerController.class})
    static class Slice {
        @Bean
        CamundaLinks camunda() {
            return new CamundaLinks(null, null);
        }
    }

    @Autowired
    MockMvc mvc;
    @MockitoBean
    OnboardingService onboardingService;
    @MockitoBean
    OnboardingRepository onboardings;
    @MockitoBean
    SetupCodeService setupCodes;
    @MockitoBean
    TimelineService timeline;
    @MockitoBean
    StaffNoticeService notices;
    @MockitoBean
    AccessReviewService reviews;
    @MockitoBean
    StaffDirectory staff;
    @MockitoBean
    TasklistStartService tasklistStarts;
    @MockitoBean
    StuckSteps stuckSteps;
    @MockitoBean
    ApplicantSession session;

    final UUID id = UUID.randomUUID();

    @BeforeEach
    void joOnboardsSam() {
        when(onboardings.find(id)).thenReturn(Optional.of(new Onboarding(id, "sam@example.org", "R-1", "Sam Smith",
                "jo", OnboardingStatus.IN_PROGRESS, null, null, Instant.EPOCH)));
        when(setupCodes.isAwaitingConfirmation(id)).thenReturn(true);
    }

    @Test
    void aNewOnboardingWithProblemsShowsThemInFieldOrderAndKeepsWhatWasTyped() throws Exception {
        Document page = page(mvc.perform(post("/staff/onboardings").with(csrf())
                        .param("applicantEmail", " not-an-address ").param("recordReference", "R-7")
                        .param("recordName", "  "))
                .andExpect(status().isOk()).andExpect(view().name("staff/onboarding-new"))
                .andReturn().getResponse().getContentAsString());
        assertThat(summary(page)).containsExactly("Enter an email address in the correct format, like name@example.com",
                "Enter the record name");
        assertThat(page.getElementById("applicantEmail").val()).isEqualTo(" not-an-address ");
        assertThat(page.getElementById("recordReference").val()).isEqualTo("R-7");
        verifyNoInteractions(onboardingService);
    }

    @Test
    void anEmptyNewOnboardingNamesEveryField() throws Exception {
        Document page = page(mvc.perform(post("/staff/onboardings").with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(page.select(".govuk-error-summary__list a").eachAttr("href"))
                .containsExactly("#applicantEmail", "#recordReference", "#recordName");
    }

    @Test
    void aValidNewOnboardingStartsAndGoesToItsPage() throws Exception {
        when(onboardingService.start(new NewOnboarding("sam@example.org", "R-1", "Sam Smith"), "jo")).thenReturn(id);
        mvc.perform(post("/staff/onboardings").with(csrf()).param("applicantEmail", "sam@example.org")
                        .param("recordReference", "R-1").param("recordName", "Sam Smith"))
                .andExpect(redirectedUrl("/staff/onboardings/" + id));
    }

    @Test
    void theServicesRefusalIsShownTheSameWay() throws Exception {
        when(tasklistStarts.find(any())).thenReturn(Optional.empty());
        org.mockito.Mockito.doThrow(new UserInputException("applicantEmail", "tasklistStart.expired"))
                .when(tasklistStarts).enterDetails(eq(id), any(), eq("jo"));
        Document page = page(mvc.perform(post("/staff/onboardings/" + id + "/details").with(csrf())
                        .param("applicantEmail", "sam@example.org").param("recordName", "Sam Smith"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(page.select(".govuk-error-summary__list a").eachAttr("href")).containsExactly("#applicantEmail");
        assertThat(page.getElementById("applicantEmail").val()).isEqualTo("sam@example.org");
        assertThat(page.getElementById("recordName").val()).isEqualTo("Sam Smith");
    }

    @Test
    void anEmptySetupCodeCostsNoTry() throws Exception {
        Document page = page(mvc.perform(post("/staff/onboardings/" + id + "/setup-code").with(csrf())
                        .param("setupCode", "   "))
                .andExpect(status().isOk()).andExpect(view().name("staff/onboarding"))
                .andReturn().getResponse().getContentAsString());
        assertThat(page.select(".govuk-error-summary__list a").eachAttr("href")).containsExactly("#setupCode");
        verify(setupCodes, never()).confirmFromCaseworkerPage(any(), anyString());
    }

    @Test
    void aWrongSetupCodeIsShownAgainWithTheTriesLeft() throws Exception {
        when(setupCodes.confirmFromCaseworkerPage(id, "ABCD-EFGH"))
                .thenReturn(new SetupCodeCheck(SetupCodeOutcome.WRONG, 2));
        Document page = page(mvc.perform(post("/staff/onboardings/" + id + "/setup-code").with(csrf())
                        .param("setupCode", "ABCD-EFGH"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(page.getElementById("setupCode").val()).isEqualTo("ABCD-EFGH");
        assertThat(summary(page)).singleElement().asString().contains("2");
    }

    @Test
    void aLockedSetupCodeIsLeftToTheService() throws Exception {
        when(setupCodes.confirmFromCaseworkerPage(id, "ABCD-EFGH"))
                .thenReturn(new SetupCodeCheck(SetupCodeOutcome.LOCKED, 0));
        mvc.perform(post("/staff/onboardings/" + id + "/setup-code").with(csrf()).param("setupCode", "ABCD-EFGH"))
                .andExpect(redirectedUrl("/staff/onboardings/" + id)).andExpect(flash().attributeExists("notice"));
        verifyNoInteractions(onboardingService);
    }

    @Test
    void aCancellationWithoutAReasonAsksForOne() throws Exception {
        Document page = page(mvc.perform(post("/staff/onboardings/" + id + "/cancel").with(csrf())
                        .param("cancellationNote", " "))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(page.select(".govuk-error-summary__list a").eachAttr("href")).containsExactly("#cancellationNote");
        verify(onboardingService, never()).cancelByCaseworker(any(), any());
    }

    @Test
    void aCancellationTheServiceRefusesKeepsTheNote() throws Exception {
        org.mockito.Mockito.doThrow(new UserInputException("cancellationNote", "onboarding.cancel.reasonTooLong", 500))
                .when(onboardingService).cancelByCaseworker(id, "Too long");
        Document page = page(mvc.perform(post("/staff/onboardings/" + id + "/cancel").with(csrf())
                        .param("cancellationNote", "Too long"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(page.getElementById("cancellationNote").text()).isEqualTo("Too long");
        assertThat(summary(page)).singleElement().asString().contains("500");
    }

    private static Document page(String html) {
        return Jsoup.parse(html);
    }

    private static List<String> summary(Document page) {
        return page.select(".govuk-error-summary__list a").eachText();
    }
}
