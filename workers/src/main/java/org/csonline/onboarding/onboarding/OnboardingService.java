package org.csonline.onboarding.onboarding;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.csonline.onboarding.process.OnboardingProcess;
import org.csonline.onboarding.process.ProcessProperties;
import org.csonline.onboarding.support.UserInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** Starts onboardings for caseworkers and ends them when the process says so. */
@Service
public class OnboardingService {

    private static final Logger log = LoggerFactory.getLogger(OnboardingService.class);
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private final OnboardingRepository onboardings;
    private final OnboardingProcess process;
    private final ProcessProperties timing;
    private final Clock clock;

    public OnboardingService(OnboardingRepository onboardings, OnboardingProcess process,
            ProcessProperties timing, Clock clock) {
        this.onboardings = onboardings;
        this.process = process;
        this.timing = timing;
        this.clock = clock;
    }

    /** Stores the onboarding, then starts its process; the process sends the setup email (guide step 1). */
    public UUID start(NewOnboarding request, String caseworker) {
        String email = normaliseEmail(request.applicantEmail());
        if (email.isEmpty()) {
            throw new UserInputException("applicantEmail", "onboarding.email.required");
        }
        if (!isEmailAddress(email)) {
            throw new UserInputException("applicantEmail", "onboarding.email.invalid");
        }
        String reference = request.recordReference() == null ? "" : request.recordReference().strip();
        if (reference.isEmpty()) {
            throw new UserInputException("recordReference", "onboarding.recordReference.required");
        }
        String name = request.recordName() == null ? "" : request.recordName().strip();
        if (name.isEmpty()) {
            throw new UserInputException("recordName", "onboarding.recordName.required");
        }
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        onboardings.insert(new Onboarding(id, email, reference, name, caseworker, OnboardingStatus.IN_PROGRESS,
                null, null, now));
        try {
            long key = process.start(id, Map.of(
                    "invitationReleaseDelay", timing.invitationReleaseDelay().toString(),
                    "setupCodeConfirmationDue", now.plus(timing.setupCodeConfirmationPeriod()).toString()));
            onboardings.setProcessInstanceKey(id, key);
        } catch (RuntimeException e) {
            log.error("Could not start the process for onboarding {}", id, e);
            onboardings.setStatus(id, OnboardingStatus.NOT_STARTED, "PROCESS_NOT_STARTED");
            throw new IllegalStateException("The onboarding process could not be started", e);
        }
        return id;
    }

    public void cancel(UUID onboardingId, String reason) {
        onboardings.setStatus(onboardingId, OnboardingStatus.CANCELLED, reason);
    }

    public static String normaliseEmail(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }

    public static boolean isEmailAddress(String email) {
        return email.length() <= 320 && EMAIL.matcher(email).matches();
    }
}
