package org.csonline.onboarding.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.csonline.onboarding.process.ProcessProperties;
import org.csonline.onboarding.support.CouncilProperties;
import org.csonline.onboarding.support.SecurityProperties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every email comes as text and HTML, says how long its code or link works, and to look in the spam folder. */
class EmailTemplatesTest {

    static final Map<String, Object> MODEL = Map.of("setupCode", "ABCD-EFGH", "code", "493027", "validMinutes", 30L,
            "link", "https://cso.example.org/invitation/t0k3n", "expiresOn", "30 March 2026", "givenName", "Sam",
            "recordName", "Riley");

    final EmailService emails = new EmailService(null, null,
            new CouncilProperties("Norfolk County Council", "My Norfolk", "Children's Services Online", "https://x"),
            new SecurityProperties(null, 8, 3, Duration.ofDays(28), Duration.ofMinutes(30), 5, 5,
                    Duration.ofMinutes(10), 5, 5),
            new ProcessProperties(Duration.ofDays(2), Duration.ofDays(28), Duration.ofDays(3), Duration.ofHours(1),
                Duration.ofDays(3), Duration.ofDays(7), Duration.ofHours(24)));

    @ParameterizedTest
    @EnumSource(EmailKind.class)
    void textAndHtmlSayTheSameEssentials(EmailKind kind) {
        String text = emails.render(kind, MODEL);
        String html = emails.renderHtml(kind, MODEL);

        for (String body : new String[] {readable(text), readable(html)}) {
            assertThat(body).contains("Norfolk County Council");
            if (kind != EmailKind.ACCESS_DECLINED && kind != EmailKind.STAFF_NOTICE) {
                assertThat(body).as("an email with a code or a link says where else to look")
                        .contains("check your spam or junk folder");
            }
            switch (kind) {
                case SETUP -> assertThat(body).contains("ABCD-EFGH", "28 days");
                case INVITATION -> assertThat(body).contains("https://cso.example.org/invitation/t0k3n",
                        "expires on 30 March 2026", "illustrated guide", "https://x/guide");
                case VERIFICATION_CODE -> assertThat(body).contains("493027", "30 minutes");
                case PASSWORD_RESET_CODE -> assertThat(body).contains("493027", "30 minutes", "reset your password")
                        .doesNotContain("verification page");
                case PASSWORD_CHANGED -> assertThat(body).contains("account has been changed",
                        "Forgotten your password?", "contact your caseworker");
                case ACTIVATION -> assertThat(body).contains("Sam", "Riley", "does not expire");
            }
        }
        assertThat(html).startsWith("<!DOCTYPE html>").endsWith("</html>\n").doesNotContain("th:");
        if (kind == EmailKind.INVITATION || kind == EmailKind.ACTIVATION) {
            assertThat(html).contains("<a href=\"https://cso.example.org/");
        }
    }

    /** What the reader sees: no tags, one space between words. */
    private static String readable(String body) {
        return body.replaceAll("<[^>]+>", "").replaceAll("\\s+", " ");
    }
}
