package org.csonline.onboarding.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.csonline.onboarding.support.CouncilProperties;
import org.csonline.onboarding.support.TestSecrets;
import org.junit.jupiter.api.Test;

class ProgressLinksTest {

    final ProgressLinks links = new ProgressLinks(TestSecrets.secrets(),
            new CouncilProperties("Norfolk County Council", "My Norfolk", "Children's Services Online", "https://cso.example"));

    @Test
    void aLinkLeadsBackToItsOnboarding() {
        UUID onboarding = UUID.randomUUID();
        String link = links.linkFor(onboarding);
        assertThat(link).startsWith("https://cso.example/progress/");
        assertThat(links.onboardingFor(link.substring(link.lastIndexOf('/') + 1))).contains(onboarding);
    }

    @Test
    void aChangedTokenLeadsNowhere() {
        String token = links.token(UUID.randomUUID());
        char last = token.charAt(token.length() - 1);
        String tampered = token.substring(0, token.length() - 1) + (last == '0' ? '1' : '0');
        assertThat(links.onboardingFor(tampered)).isEmpty();
    }

    @Test
    void anotherOnboardingsIdWithThisSignatureLeadsNowhere() {
        String mine = links.token(UUID.randomUUID());
        String theirs = UUID.randomUUID().toString().replace("-", "");
        assertThat(links.onboardingFor(theirs + mine.substring(32))).isEmpty();
    }

    @Test
    void rubbishLeadsNowhere() {
        assertThat(links.onboardingFor(null)).isEmpty();
        assertThat(links.onboardingFor("abc")).isEmpty();
        assertThat(links.onboardingFor("Z".repeat(64))).isEmpty();
    }

    @Test
    void aTokenFromAnotherKeyLeadsNowhere() {
        ProgressLinks other = new ProgressLinks(new org.csonline.onboarding.support.Secrets(
                new org.csonline.onboarding.support.SecurityProperties("another-key-another-key-1234567", 8, 3,
                        null, null, 5, 5, null, 5, 5)),
                new CouncilProperties("N", "M", "C", "https://cso.example"));
        assertThat(links.onboardingFor(other.token(UUID.randomUUID()))).isEmpty();
    }
}
