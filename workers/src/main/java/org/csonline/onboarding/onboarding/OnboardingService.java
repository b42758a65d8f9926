package org.csonline.onboarding.onboarding;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import org.csonline.onboarding.calendar.WorkingDays;
import org.csonline.onboarding.process.OnboardingProcess;
import org.csonline.onboarding.process.ProcessMessage;
import org.csonline.onboarding.process.ProcessProperties;
import org.csonline.onboarding.process.ProcessVariables;
import org.csonline.onboarding.support.EmailAddress;
import org.csonline.onboarding.support.SecurityProperties;
import org.csonline.onboarding.support.UserInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Starts onboardings for caseworkers and ends them when the process says so. */
@Service
public class OnboardingService {

    private final OnboardingRepository onboardings;
    private final OnboardingProcess process;
    private final ProcessProperties timing;
    private final SecurityProperties limits;
    private final WorkingDays workingDays;
    private final Clock clock;

    static final int MAX_CANCELLATION_NOTE = 500;

    public OnboardingService(OnboardingRepository onboardings, OnboardingProcess process,
            ProcessProperties timing, SecurityProperties limits, WorkingDays workingDays, Clock clock) {
        this.onboardings = onboardings;
        this.process = process;
        this.timing = timing;
        this.limits = limits;
        this.workingDays = workingDays;
        this.clock = clock;
    }

    /**
     * Stores the onboarding and, in the same transaction, the command that starts its process; the process sends
     * the setup email (guide step 1). The engine being away does not fail it: the relay starts the process later.
     */
    @Transactional
    public UUID start(NewOnboarding request, String caseworker) {
        return start(request, caseworker, null);
    }

    private UUID start(NewOnboarding request, String caseworker, UUID previousOnboardingId) {
        Onboarding onboarding = validated(request, caseworker);
        onboardings.insert(onboarding, previousOnboardingId);
        process.start(onboarding.id(), startVariables());
        return onboarding.id();
    }

    /** For a process started from version 2's Tasklist start form: stores the onboarding the process runs for. */
    public UUID register(NewOnboarding request, String caseworker, long processInstanceKey) {
        if (caseworker == null || caseworker.isBlank()) {
            throw new UserInputException("caseworker", "onboarding.caseworker.required");
        }
        UUID id = UUID.randomUUID();
        registerWithId(id, request, caseworker.strip(), processInstanceKey);
        return id;
    }

    /** Stores an onboarding whose process already runs under this id (a Tasklist start). */
    void registerWithId(UUID id, NewOnboarding request, String caseworker, long processInstanceKey) {
        Onboarding onboarding = validated(id, request, caseworker);
        onboardings.insert(onboarding, null);
        onboardings.setProcessInstanceKey(id, processInstanceKey);
    }

    /** The durations and dates the model reads, from configuration (bpmn/README.md, "Timers"). */
    public Map<String, Object> startVariables() {
        Instant now = clock.instant();
        Map<String, Object> variables = new HashMap<>();
        variables.put(ProcessVariables.INVITATION_RELEASE_DELAY, timing.invitationReleaseDelay().toString());
        variables.put(ProcessVariables.SETUP_CODE_CONFIRMATION_DUE,
                now.plus(timing.setupCodeConfirmationPeriod()).toString());
        variables.put(ProcessVariables.SETUP_CODE_REMINDER_AT,
                workingDays.plus(now, timing.setupCodeReminderDelay()).toString());
        variables.put(ProcessVariables.INVITATION_REMINDER_DELAY, timing.invitationReminderDelay().toString());
        variables.put(ProcessVariables.INVITATION_VALIDITY, limits.invitationValidity().toString());
        variables.put(ProcessVariables.CODE_ROUND_ABANDONMENT_DELAY, timing.codeRoundAbandonmentDelay().toString());
        return variables;
    }

    /**
     * The caseworker cancels at any point before the onboarding ends: their words stay here, the process hears
     * the reason code and makes codes and links useless.
     */
    @Transactional
    public void cancelByCaseworker(UUID onboardingId, String note) {
        String reason = note == null ? "" : note.strip();
        if (reason.isEmpty()) {
            throw new UserInputException("cancellationNote", "onboarding.cancel.reasonRequired");
        }
        if (reason.length() > MAX_CANCELLATION_NOTE) {
            throw new UserInputException("cancellationNote", "onboarding.cancel.reasonTooLong", MAX_CANCELLATION_NOTE);
        }
        if (onboardings.get(onboardingId).status() != OnboardingStatus.IN_PROGRESS) {
            throw new UserInputException("cancellationNote", "onboarding.cancel.notInProgress");
        }
        onboardings.setStatus(onboardingId, OnboardingStatus.CANCELLED, CancellationReason.CANCELLED_BY_CASEWORKER);
        onboardings.setCancellationNote(onboardingId, reason);
        process.publish(ProcessMessage.ONBOARDING_CANCELLED, onboardingId, "caseworker",
                Map.of(ProcessVariables.CANCELLATION_REASON, CancellationReason.CANCELLED_BY_CASEWORKER.name()));
    }

    /** Whether the caseworker may invite again with one action: the onboarding ran out of time. */
    public boolean canReinvite(Onboarding onboarding) {
        return onboarding.status() == OnboardingStatus.CANCELLED
                && CancellationReason.of(onboarding.cancellationReason()).filter(CancellationReason::reinvitable)
                        .isPresent();
    }

    /** A new onboarding with the same applicant and record, linked to the old; pressing twice makes one. */
    @Transactional
    public UUID reinvite(UUID previousOnboardingId, String caseworker) {
        Optional<UUID> existing = onboardings.reinvitedAs(previousOnboardingId);
        if (existing.isPresent()) {
            return existing.get();
        }
        Onboarding previous = onboardings.get(previousOnboardingId);
        if (!canReinvite(previous)) {
            throw new UserInputException("reinvite", "onboarding.reinvite.notExpired");
        }
        return start(new NewOnboarding(previous.applicantEmail(), previous.recordReference(), previous.recordName()),
                caseworker, previousOnboardingId);
    }

    /** Checks every field, so the page shows all its problems at once. */
    private Onboarding validated(NewOnboarding request, String caseworker) {
        return validated(UUID.randomUUID(), request, caseworker);
    }

    private Onboarding validated(UUID id, NewOnboarding request, String caseworker) {
        List<UserInputException.InputError> errors = new ArrayList<>();
        EmailAddress email = EmailAddress.typed(request.applicantEmail());
        if (email.isEmpty()) {
            errors.add(new UserInputException.InputError("applicantEmail", "onboarding.email.required"));
        } else if (!email.wellFormed()) {
            errors.add(new UserInputException.InputError("applicantEmail", "onboarding.email.invalid"));
        }
        String reference = request.recordReference() == null ? "" : request.recordReference().strip();
        if (reference.isEmpty()) {
            errors.add(new UserInputException.InputError("recordReference", "onboarding.recordReference.required"));
        }
        String name = request.recordName() == null ? "" : request.recordName().strip();
        if (name.isEmpty()) {
            errors.add(new UserInputException.InputError("recordName", "onboarding.recordName.required"));
        }
        if (!errors.isEmpty()) {
            throw new UserInputException(errors);
        }
        return new Onboarding(id, email.value(), reference, name, caseworker, OnboardingStatus.IN_PROGRESS,
                null, null, clock.instant());
    }

    /**
     * The setup code was wrong too many times: the onboarding is over now, so the caseworker's page says so at once.
     * The process's cancel worker sets the same status and reason later, which changes nothing.
     */
    public void setupCodeLocked(UUID onboardingId) {
        if (onboardings.get(onboardingId).status() == OnboardingStatus.IN_PROGRESS) {
            onboardings.setStatus(onboardingId, OnboardingStatus.CANCELLED, CancellationReason.SETUP_CODE_LOCKED);
        }
    }

    public void cancel(UUID onboardingId, CancellationReason reason) {
        onboardings.setStatus(onboardingId, OnboardingStatus.CANCELLED, reason);
    }

    /** Guide step 15: the activation email went out; the onboarding is over. */
    public void complete(UUID onboardingId) {
        onboardings.setStatus(onboardingId, OnboardingStatus.COMPLETED, null);
    }

    /** A reviewer declined the access request (step 15). */
    public void decline(UUID onboardingId) {
        onboardings.setStatus(onboardingId, OnboardingStatus.DECLINED, CancellationReason.ACCESS_DECLINED);
    }

    /** The account the applicant created or signed in with in this onboarding. */
    public void linkAccount(UUID onboardingId, UUID accountId) {
        onboardings.setAccount(onboardingId, accountId);
    }

    /** Retention: the onboarding forgets an account that never became active, before that account is deleted. */
    public void unlinkAccount(UUID onboardingId, UUID accountId) {
        onboardings.unlinkAccount(onboardingId, accountId);
    }


}
