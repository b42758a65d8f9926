package org.csonline.onboarding.staff;

import jakarta.validation.Valid;
import java.security.Principal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.csonline.onboarding.access.AccessReviewService;
import org.csonline.onboarding.delivery.StuckSteps;
import org.csonline.onboarding.invitation.SetupCodeCheck;
import org.csonline.onboarding.invitation.SetupCodeService;
import org.csonline.onboarding.notice.StaffDirectory;
import org.csonline.onboarding.notice.StaffNotice;
import org.csonline.onboarding.notice.StaffNoticeService;
import org.csonline.onboarding.onboarding.Onboarding;
import org.csonline.onboarding.onboarding.OnboardingRepository;
import org.csonline.onboarding.onboarding.OnboardingService;
import org.csonline.onboarding.onboarding.OnboardingStatus;
import org.csonline.onboarding.onboarding.TasklistStartService;
import org.csonline.onboarding.support.UserInputException;
import org.csonline.onboarding.timeline.TimelineService;
import org.csonline.onboarding.web.Form;
import org.csonline.onboarding.web.Messages;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Caseworker pages: start an onboarding (guide step 1), follow it with its reminders and expiries, confirm the setup
 * code (step 2), cancel it at any point, and invite again with one action after it ran out of time.
 */
@Controller
class CaseworkerController {

    private final OnboardingService onboardingService;
    private final OnboardingRepository onboardings;
    private final SetupCodeService setupCodes;
    private final TimelineService timeline;
    private final StaffNoticeService notices;
    private final AccessReviewService reviews;
    private final StaffDirectory staff;
    private final Messages messages;
    private final TasklistStartService tasklistStarts;
    private final StuckSteps stuckSteps;
    private final CamundaLinks camunda;

    CaseworkerController(OnboardingService onboardingService, OnboardingRepository onboardings,
            SetupCodeService setupCodes, TimelineService timeline, StaffNoticeService notices,
            AccessReviewService reviews, StaffDirectory staff, Messages messages, TasklistStartService tasklistStarts,
            StuckSteps stuckSteps, CamundaLinks camunda) {
        this.staff = staff;
        this.tasklistStarts = tasklistStarts;
        this.stuckSteps = stuckSteps;
        this.camunda = camunda;
        this.reviews = reviews;
        this.onboardingService = onboardingService;
        this.onboardings = onboardings;
        this.setupCodes = setupCodes;
        this.timeline = timeline;
        this.notices = notices;
        this.messages = messages;
    }

    @GetMapping("/staff/onboardings")
    String list(Authentication caseworker, Model model) {
        boolean manager = isManager(caseworker);
        model.addAttribute("allOnboardings", manager);
        // Onboardings belong to the caseworker's stable id (with a provider, its subject); people read names.
        List<Onboarding> shown = manager ? onboardings.all() : onboardings.byCaseworker(caseworker.getName());
        model.addAttribute("onboardings", shown);
        if (manager) {
            Map<String, String> caseworkerNames = new HashMap<>();
            shown.forEach(o -> caseworkerNames.computeIfAbsent(o.caseworker(), staff::displayNameOf));
            model.addAttribute("caseworkerNames", caseworkerNames);
        }
        model.addAttribute("tasklistStarts", tasklistStarts.waiting());
        List<StaffNotice> staffNotices = notices.forUser(caseworker.getName(), manager);
        model.addAttribute("notices", staffNotices);
        // Each "Open" link says which record it opens, for screen readers listing the page's links.
        Map<UUID, String> recordNames = new HashMap<>();
        staffNotices.forEach(n -> recordNames.computeIfAbsent(n.onboardingId(),
                id -> onboardings.find(id).map(Onboarding::recordName).orElse("")));
        model.addAttribute("recordNames", recordNames);
        return "staff/onboardings";
    }

    @GetMapping("/staff/onboardings/new")
    String newOnboarding() {
        return "staff/onboarding-new";
    }

    @PostMapping("/staff/onboardings")
    String start(@Valid @ModelAttribute NewOnboardingForm form, BindingResult binding, Principal caseworker,
            Model model) {
        try {
            Form.check(binding);
            UUID id = onboardingService.start(form.onboarding(), caseworker.getName());
            return "redirect:/staff/onboardings/" + id;
        } catch (UserInputException e) {
            form.showAgain(model, messages.errors(e));
            return "staff/onboarding-new";
        }
    }

    /** The applicant's details for an onboarding started in Tasklist (docs/adr/002-...): any caseworker may enter them. */
    @PostMapping("/staff/onboardings/{id}/details")
    String enterDetails(@PathVariable UUID id, @ModelAttribute NewOnboardingForm form, Principal caseworker,
            Model model) {
        // Not @Valid: an expired or finished Tasklist start is the first thing to say, and the service checks it
        // before the same field checks.
        try {
            tasklistStarts.enterDetails(id, form.onboarding(), caseworker.getName());
            return "redirect:/staff/onboardings/" + id;
        } catch (UserInputException e) {
            model.addAttribute("tasklistStartId", id);
            form.showAgain(model, messages.errors(e));
            return "staff/onboarding-new";
        }
    }

    @GetMapping("/staff/onboardings/{id}")
    String show(@PathVariable UUID id, Authentication user, Model model) {
        if (onboardings.find(id).isEmpty() && tasklistStarts.find(id).isPresent()) {
            // Started in Tasklist: the task there links here, and the applicant's details are entered here only.
            model.addAttribute("tasklistStartId", id);
            return "staff/onboarding-new";
        }
        Onboarding onboarding = visibleTo(id, user);
        model.addAttribute("onboarding", onboarding);
        model.addAttribute("timeline", timeline.timeline(id));
        boolean awaitingSetupCode = onboarding.status() == OnboardingStatus.IN_PROGRESS
                && setupCodes.isAwaitingConfirmation(id);
        model.addAttribute("awaitingSetupCode", awaitingSetupCode);
        addCamundaLinks(onboarding, awaitingSetupCode, model);
        model.addAttribute("notices", notices.forOnboarding(id));
        model.addAttribute("cancellationNote", onboardings.cancellationNote(id).orElse(null));
        model.addAttribute("declineReason", onboarding.status() == OnboardingStatus.DECLINED
                ? reviews.decision(id).map(AccessReviewService.ReviewDecision::declineReason).orElse(null) : null);
        model.addAttribute("canCancel", onboarding.status() == OnboardingStatus.IN_PROGRESS);
        model.addAttribute("canReinvite", onboardingService.canReinvite(onboarding));
        model.addAttribute("previousOnboardingId", onboardings.previousOf(id).orElse(null));
        model.addAttribute("reinvitedAsId", onboardings.reinvitedAs(id).orElse(null));
        return "staff/onboarding";
    }

    @PostMapping("/staff/onboardings/{id}/cancel")
    String cancel(@PathVariable UUID id, @Valid @ModelAttribute CancellationForm form, BindingResult binding,
            Authentication user, Model model, RedirectAttributes redirect) {
        visibleTo(id, user);
        try {
            Form.check(binding);
            onboardingService.cancelByCaseworker(id, form.cancellationNote());
        } catch (UserInputException e) {
            form.showAgain(model, messages.errors(e));
            return show(id, user, model);
        }
        redirect.addFlashAttribute("notice", messages.text("onboarding.cancel.done"));
        return "redirect:/staff/onboardings/" + id;
    }

    @PostMapping("/staff/onboardings/{id}/reinvite")
    String reinvite(@PathVariable UUID id, Authentication user, Model model, RedirectAttributes redirect) {
        visibleTo(id, user);
        try {
            UUID again = onboardingService.reinvite(id, user.getName());
            redirect.addFlashAttribute("notice", messages.text("onboarding.reinvite.done"));
            return "redirect:/staff/onboardings/" + again;
        } catch (UserInputException e) {
            model.addAttribute("errors", messages.errors(e));
            return show(id, user, model);
        }
    }

    @PostMapping("/staff/onboardings/{id}/setup-code")
    String confirmSetupCode(@PathVariable UUID id, @Valid @ModelAttribute SetupCodeForm form, BindingResult binding,
            Authentication user, Model model, RedirectAttributes redirect) {
        visibleTo(id, user);
        try {
            Form.check(binding);
        } catch (UserInputException e) {
            // An empty box is not shown again: there is nothing to keep.
            model.addAttribute("errors", messages.errors(e));
            return show(id, user, model);
        }
        SetupCodeCheck check = setupCodes.confirmFromCaseworkerPage(id, form.setupCode());
        switch (check.outcome()) {
            case CONFIRMED -> redirect.addFlashAttribute("notice", messages.text("setupCode.confirmed"));
            case LOCKED -> redirect.addFlashAttribute("notice", messages.text("setupCode.locked"));
            case WRONG, NOT_READY -> {
                form.showAgain(model, messages.error("setupCode", "setupCode." + check.outcome().name(),
                        check.triesLeft()));
                return show(id, user, model);
            }
            case NOT_CONFIRMED -> throw new IllegalStateException("a check always decides: " + check);
        }
        return "redirect:/staff/onboardings/" + id;
    }

    /**
     * Links to the instance in Operate and to the open task in Tasklist, and a plain "stuck" warning when a step
     * stopped at an incident: a manager goes from the warning to the incident in one click.
     */
    private void addCamundaLinks(Onboarding onboarding, boolean awaitingSetupCode, Model model) {
        boolean inProgress = onboarding.status() == OnboardingStatus.IN_PROGRESS;
        model.addAttribute("stuck", inProgress ? stuckSteps.stuck(onboarding.id()).orElse(null) : null);
        model.addAttribute("operateLink", onboardings.processInstanceKey(onboarding.id())
                .flatMap(camunda::operateInstance).orElse(null));
        String openTask = !inProgress ? null : awaitingSetupCode ? "Confirm setup code"
                : reviews.findPending(onboarding.id()).isPresent() ? "Review access" : null;
        model.addAttribute("openTask", openTask);
        model.addAttribute("tasklistLink", openTask == null ? null : camunda.tasklist().orElse(null));
    }

    /** Caseworkers see their own onboardings; managers see all. */
    private Onboarding visibleTo(UUID id, Authentication user) {
        Onboarding onboarding = onboardings.find(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (!isManager(user) && !onboarding.caseworker().equals(user.getName())) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return onboarding;
    }

    private static boolean isManager(Authentication user) {
        return user.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_MANAGER"));
    }
}
