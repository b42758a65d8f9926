package org.csonline.onboarding.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class ProviderSettingsTest {

    @Test
    void halfAProviderStopsTheAppOutsideTheLocalProfileNamingWhatIsMissing() {
        MockEnvironment camunda = new MockEnvironment();
        camunda.setActiveProfiles("camunda");
        assertThatThrownBy(() -> ProviderSettings.use("Twilio Verify", twilio("AC123", "", ""), camunda))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("TWILIO_AUTH_TOKEN, TWILIO_VERIFY_SERVICE_SID missing")
                .hasMessageNotContaining("AC123");
    }

    @Test
    void halfAProviderInTheLocalProfileFallsBackToTheOutbox() {
        MockEnvironment local = new MockEnvironment();
        local.setActiveProfiles("local");
        assertThat(ProviderSettings.use("Twilio Verify", twilio("AC123", "secret", null), local)).isFalse();
    }

    @Test
    void allOrNothingDecide() {
        MockEnvironment camunda = new MockEnvironment();
        camunda.setActiveProfiles("camunda");
        MockEnvironment local = new MockEnvironment();
        local.setActiveProfiles("local");
        assertThat(ProviderSettings.use("Twilio Verify", twilio("AC1", "token", "VA1"), camunda)).isTrue();
        assertThat(ProviderSettings.use("Twilio Verify", twilio("", null, " "), local)).isFalse();
    }

    @Test
    void noProviderOutsideTheLocalProfileStopsTheAppNamingEverySetting() {
        MockEnvironment camunda = new MockEnvironment();
        camunda.setActiveProfiles("camunda");
        assertThatThrownBy(() -> ProviderSettings.use("Twilio Verify", twilio("", null, " "), camunda))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_VERIFY_SERVICE_SID");
    }

    private static Map<String, String> twilio(String sid, String token, String service) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("TWILIO_ACCOUNT_SID", sid);
        settings.put("TWILIO_AUTH_TOKEN", token);
        settings.put("TWILIO_VERIFY_SERVICE_SID", service);
        return settings;
    }
}
