package org.csonline.onboarding.delivery;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.jobhandling.JobExceptionHandlingStrategy;
import java.time.Duration;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns provider failures into what Zeebe and Operate should see: a transient failure fails the job with the
 * configured retries and a growing backoff; a permanent one, or the last transient one, leaves no retries, so the
 * job becomes an incident whose message says what happened (and never whom it was for). A run that found its
 * delivery under way elsewhere fails the job without using a retry. Everything else goes to the SDK's default
 * handling.
 */
public class DeliveryFailureHandling implements JobExceptionHandlingStrategy {

    private static final Logger log = LoggerFactory.getLogger(DeliveryFailureHandling.class);

    private final JobExceptionHandlingStrategy fallback;
    private final DeliveryProperties properties;
    private final StuckSteps stuckSteps;

    public DeliveryFailureHandling(JobExceptionHandlingStrategy fallback, DeliveryProperties properties) {
        this(fallback, properties, null);
    }

    /** @param stuckSteps where a step that becomes an incident is recorded for the staff pages (null: nowhere) */
    public DeliveryFailureHandling(JobExceptionHandlingStrategy fallback, DeliveryProperties properties,
            StuckSteps stuckSteps) {
        this.fallback = fallback;
        this.properties = properties;
        this.stuckSteps = stuckSteps;
    }

    @Override
    public void handleException(Exception exception, ExceptionHandlingContext context) throws Exception {
        ActivatedJob job = context.job();
        Decision decision = decide(find(exception, ProviderFailure.class), find(exception,
                DeliveryInProgressException.class), job.getRetries());
        if (decision == null) {
            fallback.handleException(exception, context);
            return;
        }
        log.warn("Job {} ({}) failed: {} (retries left {}, next try in {})", job.getKey(), job.getType(),
                decision.message(), decision.retries(), decision.backoff());
        if (decision.retries() == 0) {
            recordStuck(job, decision.message());
        }
        context.jobClient().newFailCommand(job.getKey())
                .retries(decision.retries())
                .retryBackoff(decision.backoff())
                .errorMessage(decision.message())
                .send()
                .whenComplete((result, error) -> {
                    if (error != null) {
                        // Usually harmless: another run of the job already completed or failed it.
                        log.info("Could not fail job {}: {}", job.getKey(), error.getMessage());
                    }
                });
    }

    private void recordStuck(ActivatedJob job, String message) {
        if (stuckSteps == null) {
            return;
        }
        try {
            Object onboardingId = job.getVariablesAsMap().get("onboardingId");
            if (onboardingId != null) {
                stuckSteps.record(UUID.fromString(onboardingId.toString()), job.getElementId(), job.getType(), message);
            }
        } catch (RuntimeException e) {
            // The incident itself is what matters; the staff page's notice of it must never stop it.
            log.warn("Could not record that job {} became an incident: {}", job.getKey(), e.getMessage());
        }
    }

    /** What to tell Zeebe; null when the exception is not a delivery's. */
    Decision decide(ProviderFailure failure, DeliveryInProgressException inProgress, int jobRetries) {
        if (failure != null && failure.kind() == ProviderFailure.Kind.PERMANENT) {
            return new Decision(0, Duration.ZERO, failure.getMessage() + ". Not retried: correct the cause, then "
                    + "raise the job's retries to send again.");
        }
        if (failure != null) {
            int failures = Math.max(1, failure.failures());
            int retries = properties.retriesLeftAfter(failures, jobRetries);
            if (retries == 0) {
                return new Decision(0, Duration.ZERO, failure.getMessage() + ". Gave up after " + failures
                        + " tries: when the provider works again, raise the job's retries to send it.");
            }
            Duration backoff = properties.backoffAfter(failures);
            return new Decision(retries, backoff, failure.getMessage() + ". Try " + failures + " failed; trying "
                    + "again in " + words(backoff) + ".");
        }
        if (inProgress != null) {
            return new Decision(Math.max(1, jobRetries), properties.initialBackoff(), inProgress.getMessage());
        }
        return null;
    }

    private static String words(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }

    private static <T extends Throwable> T find(Throwable exception, Class<T> type) {
        for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    record Decision(int retries, Duration backoff, String message) {
    }
}
