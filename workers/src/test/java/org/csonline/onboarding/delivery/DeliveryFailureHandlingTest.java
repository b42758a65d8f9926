package org.csonline.onboarding.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.csonline.onboarding.delivery.DeliveryFailureHandling.Decision;
import org.junit.jupiter.api.Test;

class DeliveryFailureHandlingTest {

    final DeliveryProperties properties = new DeliveryProperties(5, Duration.ofSeconds(10), Duration.ofMinutes(10),
            3.0, null, null);
    final DeliveryFailureHandling handling = new DeliveryFailureHandling(null, properties);

    @Test
    void transientFailuresAreRetriedFiveTimesWithGrowingBackoffThenBecomeAnIncident() {
        int[] retries = new int[6];
        long[] backoffSeconds = new long[6];
        int jobRetries = 3;
        for (int failures = 1; failures <= 6; failures++) {
            Decision decision = handling.decide(counted("SendGrid answered HTTP 500", failures), null, jobRetries);
            jobRetries = decision.retries();
            retries[failures - 1] = decision.retries();
            backoffSeconds[failures - 1] = decision.backoff().toSeconds();
        }
        assertThat(retries).containsExactly(5, 4, 3, 2, 1, 0);
        assertThat(backoffSeconds).containsExactly(10, 30, 90, 270, 600, 0);
    }

    @Test
    void theIncidentSaysWhatFailedAndWhatToDo() {
        Decision decision = handling.decide(counted("SendGrid answered HTTP 503 to the SETUP email", 6), null, 1);
        assertThat(decision.retries()).isZero();
        assertThat(decision.message()).contains("SendGrid answered HTTP 503 to the SETUP email", "6 tries",
                "raise the job's retries");
    }

    @Test
    void afterAnOperatorRaisedTheRetriesEachFailureUsesOneOfThem() {
        assertThat(handling.decide(counted("Twilio Verify answered HTTP 500", 7), null, 3).retries()).isEqualTo(2);
    }

    @Test
    void permanentFailuresAreNotRetried() {
        Decision decision = handling.decide(ProviderFailure.permanentFailure("SendGrid answered HTTP 400: from: "
                + "The from address does not match a verified Sender Identity"), null, 3);
        assertThat(decision.retries()).isZero();
        assertThat(decision.message()).contains("verified Sender Identity", "Not retried");
    }

    @Test
    void aSendUnderWayElsewhereKeepsTheRetries() {
        Decision decision = handling.decide(null, new DeliveryInProgressException("phone-code:5"), 3);
        assertThat(decision.retries()).isEqualTo(3);
        assertThat(decision.backoff()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void otherExceptionsAreLeftToTheDefaultHandling() {
        assertThat(handling.decide(null, null, 3)).isNull();
    }

    private static ProviderFailure counted(String message, int failures) {
        return ProviderFailure.transientFailure(message).counted(failures);
    }
}
