package org.csonline.onboarding.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/** The staff-notice email says what happened, in the notice's own wording, and carries no more than a link. */
class StaffNoticeEmailTest {

    private final TemplateEngine templates = textTemplates();

    @Test
    void saysWhatHappenedAndLinksToTheOnboarding() {
        String body = render(StaffNoticeKind.INVITATION_EXPIRED);

        assertThat(body).contains("The invitation expired before the applicant finished",
                "invite them again with one click", "http://localhost:8080/staff/onboardings/42");
        assertThat(body).doesNotContain("An access review is overdue");
    }

    @Test
    void managersHearOfOverdueReviews() {
        assertThat(render(StaffNoticeKind.ACCESS_REVIEW_OVERDUE)).contains("An access review is overdue");
    }

    @Test
    void caseworkersHearOfDeclinedRequestsWithoutTheReason() {
        assertThat(render(StaffNoticeKind.ACCESS_DECLINED)).contains("A reviewer declined the applicant's access request",
                "The reason is on the onboarding's page").doesNotContain("There is news");
    }

    @Test
    void theLockedNoticeSaysTheConfiguredNumberOfWrongCodes() {
        assertThat(StaffNoticeKind.SETUP_CODE_LOCKED.text(5)).isEqualTo(
                "The setup code was entered wrongly 5 times, so the invitation was cancelled.");
    }

    private String render(StaffNoticeKind notice) {
        return templates.process("staff-notice", new Context(Locale.UK, Map.of("notice", notice.text(3),
                "link", "http://localhost:8080/staff/onboardings/42",
                "council", Map.of("name", "Norfolk County Council", "portalName", "Children's Services Online"))));
    }

    private static TemplateEngine textTemplates() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("mail/");
        resolver.setSuffix(".txt");
        resolver.setTemplateMode(TemplateMode.TEXT);
        resolver.setCharacterEncoding("UTF-8");
        TemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        return engine;
    }
}
