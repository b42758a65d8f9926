package org.csonline.onboarding.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.csonline.onboarding.CsoOnboardingApplicationTestAccess;
import org.csonline.onboarding.StartupFailure;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class EmbeddedEngineStarterTest {

    @Test
    void refusesATakenPortNamingItAndHowToChangeIt() throws IOException {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(0));
            int port = taken.getLocalPort();
            assertThatThrownBy(() -> EmbeddedEngineStarter.requireFree(port))
                    .isInstanceOf(StartupFailure.class)
                    .hasMessageContaining("Port " + port)
                    .hasMessageContaining("CSO_ENGINE_PORT");
        }
    }

    @Test
    void neverStartsInTheProductionImage() {
        MockEnvironment image = new MockEnvironment().withProperty("CSO_PRODUCTION_IMAGE", "true");
        image.setActiveProfiles("local");
        assertThatThrownBy(() -> EmbeddedEngineStarter.refuseOutsideADevelopmentMachine(image))
                .isInstanceOf(StartupFailure.class).hasMessageContaining("production image")
                .hasMessageContaining("SPRING_PROFILES_ACTIVE=camunda");
    }

    @Test
    void neverStartsNextToTheCamundaProfile() {
        MockEnvironment both = new MockEnvironment();
        both.setActiveProfiles("local", "camunda");
        assertThatThrownBy(() -> EmbeddedEngineStarter.refuseOutsideADevelopmentMachine(both))
                .isInstanceOf(StartupFailure.class).hasMessageContaining("both active");
    }

    @Test
    void startsOnADevelopmentMachine() {
        MockEnvironment local = new MockEnvironment();
        local.setActiveProfiles("local");
        EmbeddedEngineStarter.refuseOutsideADevelopmentMachine(local);
    }

    @Test
    void acceptsAFreePort() throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        EmbeddedEngineStarter.requireFree(port);
    }

    @Test
    void readsThePortOfTheGatewayAddress() {
        assertThat(EmbeddedEngineStarter.portOf("0.0.0.0:26500")).isEqualTo(26500);
        assertThat(EmbeddedEngineStarter.portOf("localhost:41234")).isEqualTo(41234);
    }

    @Test
    void startupFailureReportsOurExplanationRatherThanTheSocketError() throws IOException {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(0));
            StartupFailure ours = null;
            try {
                EmbeddedEngineStarter.requireFree(taken.getLocalPort());
            } catch (StartupFailure e) {
                ours = e;
            }
            assertThat(ours).isNotNull();
            RuntimeException wrapped = new RuntimeException("Error creating bean", ours);
            assertThat(CsoOnboardingApplicationTestAccess.reason(wrapped)).isEqualTo(ours.getMessage());
        }
    }
}
