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

/** The staff-notice email says what happened for each notice, and carries no more than a link. */
class StaffNoticeEmailTest {

    private final TemplateEngine templates = textTemplates();

    @Test
    void saysWhatHappenedAndLinksToTheOnboarding() {
        String body = render("INVITATION_EXPIRED");

        assertThat(body).contains("The invitation expired before the applicant finished",
                "invite them again", "http://localhost:8080/staff/onboardings/42");
        assertThat(body).doesNotContain("An access review is overdue");
    }

    @Test
    void managersHearOfOverdueReviews() {
        assertThat(render("ACCESS_REVIEW_OVERDUE")).contains("An access review is overdue");
    }

    @Test
    void caseworkersHearOfDeclinedRequestsWithoutTheReason() {
        assertThat(render("ACCESS_DECLINED")).contains("A reviewer declined the applicant's access request",
                "The reason is on the onboarding's page").doesNotContain("There is news");
    }

    private String render(String notice) {
        return templates.process("staff-notice", new Context(Locale.UK, Map.of("notice", notice,
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
