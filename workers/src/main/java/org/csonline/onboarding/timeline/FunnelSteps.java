package org.csonline.onboarding.timeline;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which timeline elements mean "the onboarding reached guide step N", for the manager dashboard. Reminders, notices
 * and the elements of an early end say nothing about progress and are left out. The activation and decline end
 * events count as {@link #FINISHED}, so the time at step 15 (the review and activation) ends when the onboarding
 * does.
 */
public final class FunnelSteps {

    public static final int FINISHED = 16;

    /** Guide steps with no element of their own: each happens on the same page as the step named. */
    public static final Map<Integer, Integer> RECORDED_WITH = Map.of(5, 6, 8, 9, 13, 14);

    /** Steps that wait on a person: the caseworker's confirmation, the applicant's invitation, the review. */
    public static final Set<Integer> WAIT_ON_PEOPLE = Set.of(2, 3, 15);

    private static final Set<JourneyStep> NOT_PROGRESS = EnumSet.of(JourneyStep.CANCEL_ONBOARDING,
            JourneyStep.ONBOARDING_CANCELLED, JourneyStep.SETUP_CODE_EXPIRED, JourneyStep.INVITATION_EXPIRED,
            JourneyStep.SIGN_UP_ABANDONED, JourneyStep.EMAIL_CODE_ABANDONED, JourneyStep.EMAIL_CODE_ROUND_ABANDONED,
            JourneyStep.PHONE_CODE_ABANDONED, JourneyStep.PHONE_CODE_ROUND_ABANDONED,
            JourneyStep.CANCEL_ONBOARDING_ON_REQUEST, JourneyStep.ONBOARDING_CANCELLED_BY_CASEWORKER,
            JourneyStep.NOTIFY_CASEWORKER_OF_CANCELLATION, JourneyStep.APPLICANT_DETAILS_OVERDUE,
            JourneyStep.TASKLIST_START_DISCARDED);

    private static final Map<String, Integer> BY_ELEMENT = byElement();

    private FunnelSteps() {
    }

    /** The funnel step an element marks, if it marks progress. */
    public static Optional<Integer> of(String elementId) {
        return Optional.ofNullable(BY_ELEMENT.get(elementId));
    }

    /** Element id to funnel step, for every element that marks progress. */
    public static Map<String, Integer> byElement() {
        Map<String, Integer> steps = new LinkedHashMap<>();
        for (JourneyStep step : JourneyStep.values()) {
            if (step.isSideStep() || NOT_PROGRESS.contains(step)) {
                continue;
            }
            boolean finished = step == JourneyStep.ACCOUNT_ACTIVATED || step == JourneyStep.ACCESS_DECLINED;
            steps.put(step.elementId(), finished ? FINISHED : step.guideStep());
        }
        return steps;
    }
}
