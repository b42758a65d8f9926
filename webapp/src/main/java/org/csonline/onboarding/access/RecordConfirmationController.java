package org.csonline.onboarding.access;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import org.csonline.onboarding.audit.AuditEvent;
import org.csonline.onboarding.audit.AuditLog;
import org.csonline.onboarding.web.ClientAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.csonline.onboarding.onboarding.OnboardingRepository;
import org.csonline.onboarding.support.UserInputException.InputError;
import org.csonline.onboarding.support.UserInputException;
import org.csonline.onboarding.web.ApplicantSession;
import org.csonline.onboarding.web.JourneyGuard;
import org.csonline.onboarding.web.Messages;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Guide steps 13-14: "Account setup", tick the record, "Yes", "Confirm", then "Submit" and sign out. */
@Controller
class RecordConfirmationController {

    private final OnboardingRepository onboardings;
    private final RecordConfirmation confirmation;
    private final AccessReviewService reviews;
    private final ApplicantSession session;
    private final Messages messages;
    private final AuditLog audit;

    RecordConfirmationController(OnboardingRepository onboardings, RecordConfirmation confirmation,
            AccessReviewService reviews, ApplicantSession session, Messages messages, AuditLog audit) {
        this.audit = audit;
        this.onboardings = onboardings;
        this.confirmation = confirmation;
        this.reviews = reviews;
        this.session = session;
        this.messages = messages;
    }

    @GetMapping("/setup")
    String setupPage(Model model) {
        UUID onboarding = JourneyGuard.onboarding(session);
        if (!confirmation.ready(onboarding, session.signedInAccountId())) {
            return "redirect:/signup/phone";
        }
        model.addAttribute("onboarding", onboardings.get(onboarding));
        return "applicant/setup";
    }

    @PostMapping("/setup")
    String confirm(@RequestParam(defaultValue = "") String recordSelected,
            @RequestParam(defaultValue = "") String confirmRecord, RedirectAttributes redirect) {
        UUID onboarding = JourneyGuard.onboarding(session);
        List<InputError> problems = new ArrayList<>();
        if (recordSelected.isEmpty()) {
            problems.add(new InputError("recordSelected", "setup.record.required"));
        }
        if (!"yes".equals(confirmRecord)) {
            problems.add(new InputError("confirmRecord", confirmRecord.isEmpty()
                    ? "setup.confirm.required" : "setup.confirm.notYes"));
        }
        if (!problems.isEmpty()) {
            // Post-redirect-get, so Back after a wrong answer does not ask to resend the form.
            redirect.addFlashAttribute("form",
                    new java.util.HashMap<>(Map.of("recordSelected", recordSelected, "confirmRecord", confirmRecord)));
            redirect.addFlashAttribute("errors", messages.errors(new UserInputException(problems)));
            return "redirect:/setup";
        }
        return "redirect:/setup/submit";
    }

    @GetMapping("/setup/submit")
    String submitPage(Model model) {
        UUID onboarding = JourneyGuard.onboarding(session);
        if (!confirmation.ready(onboarding, session.signedInAccountId())) {
            return "redirect:/signup/phone";
        }
        model.addAttribute("onboarding", onboardings.get(onboarding));
        return "applicant/setup-submit";
    }

    @PostMapping("/setup/submit")
    String submit(HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response, Model model) {
        UUID onboarding = JourneyGuard.onboarding(session);
        Optional<UUID> account = confirmation.accountToSubmit(onboarding, session.signedInAccountId());
        if (account.isEmpty()) {
            model.addAttribute("errors", messages.error("submit", "setup.accountNotReady"));
            return submitPage(model);
        }
        reviews.submit(onboarding, account.get());
        audit.record(AuditEvent.ACCESS_REQUEST_SUBMITTED.byAccount(account.get()).onboarding(onboarding)
                .from(ClientAddress.of(request)));
        request.getSession().invalidate();
        response.setHeader("Clear-Site-Data", "\"cache\"");
        return "redirect:/setup/submitted";
    }

    @GetMapping("/setup/submitted")
    String submitted() {
        return "applicant/setup-submitted";
    }
}
