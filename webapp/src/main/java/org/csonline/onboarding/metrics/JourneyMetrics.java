package org.csonline.onboarding.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.csonline.onboarding.onboarding.CancellationReason;
import org.csonline.onboarding.onboarding.Onboarding;
import org.csonline.onboarding.onboarding.OnboardingRepository;
import org.csonline.onboarding.timeline.JourneyStep;
import org.csonline.onboarding.timeline.TimelineEntry.Phase;
import org.csonline.onboarding.timeline.TimelineService;
import org.csonline.onboarding.timeline.TimelineService.StepRecorded;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Operators' counters and histograms, fed by the journey timeline as the execution listeners record it: onboardings
 * started, activated and ended (by reason), and how long each step took. The timeline records each listener job
 * once, so a job the engine runs twice counts once.
 */
@Component
class JourneyMetrics {

    static final String STARTED = "cso.onboardings.started";
    static final String ACTIVATED = "cso.onboardings.activated";
    static final String ENDED = "cso.onboardings.ended";
    static final String STEP_DURATION = "cso.journey.step.duration";

    /** A user task left through a boundary event never reports its own end: the boundary's end is the step's end. */
    private static final Map<String, String> LEFT_THROUGH = Map.of(
            "Boundary_SetupCodeChecked", "UserTask_ConfirmSetupCode",
            "Boundary_SetupCodeExpired", "UserTask_ConfirmSetupCode",
            "Boundary_AccessReviewDecided", "UserTask_ReviewAccess");

    private final MeterRegistry registry;
    private final TimelineService timeline;
    private final OnboardingRepository onboardings;
    private final Counter started;
    private final Counter activated;

    JourneyMetrics(MeterRegistry registry, TimelineService timeline, OnboardingRepository onboardings) {
        this.registry = registry;
        this.timeline = timeline;
        this.onboardings = onboardings;
        this.started = Counter.builder(STARTED).description("Onboardings whose setup email step began")
                .register(registry);
        this.activated = Counter.builder(ACTIVATED).description("Onboardings that ended with an active account")
                .register(registry);
    }

    @EventListener
    void stepRecorded(StepRecorded step) {
        if (step.phase() == Phase.STARTED) {
            started(step);
        } else {
            ended(step);
        }
    }

    private void started(StepRecorded step) {
        switch (step.elementId()) {
            case "Task_SendSetupEmail" -> started.increment();
            case "EndEvent_AccountActivated" -> {
                activated.increment();
                ended("ACTIVATED");
            }
            case "EndEvent_AccessDeclined" -> ended("DECLINED");
            case "EndEvent_OnboardingCancelledByCaseworker" -> ended(CancellationReason.CANCELLED_BY_CASEWORKER.name());
            case "EndEvent_OnboardingCancelled" -> ended(onboardings.find(step.onboardingId())
                    .map(Onboarding::cancellationReason).orElse("UNKNOWN"));
            default -> {
                // Other starts open a step; its end is measured.
            }
        }
    }

    private void ended(String reason) {
        Counter.builder(ENDED).description("Onboardings that ended, by outcome or cancellation reason")
                .tag("reason", reason == null ? "UNKNOWN" : reason).register(registry).increment();
    }

    private void ended(StepRecorded step) {
        String element = LEFT_THROUGH.getOrDefault(step.elementId(), step.elementId());
        Optional<JourneyStep> known = JourneyStep.ofElement(element);
        if (known.isEmpty()) {
            return;
        }
        timeline.started(step.onboardingId(), element).ifPresent(start -> Timer.builder(STEP_DURATION)
                .description("Time from a step element's start to its end, from the journey timeline")
                .tag("element", element)
                .tag("guide_step", Integer.toString(known.get().guideStep()))
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(10))
                .maximumExpectedValue(Duration.ofDays(60))
                .register(registry)
                .record(Duration.between(start, step.at())));
    }
}
