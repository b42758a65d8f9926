package org.csonline.onboarding.access;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.csonline.onboarding.audit.AuditEvent;
import org.csonline.onboarding.audit.AuditLog;
import org.csonline.onboarding.web.ClientAddress;
import java.util.Optional;
import java.util.UUID;
import org.csonline.onboarding.onboarding.OnboardingRepository;
import org.csonline.onboarding.support.UserInputException;
import org.csonline.onboarding.web.ApplicantSession;
import org.csonline.onboarding.web.JourneyGuard;
import org.csonline.onboarding.web.Form;
import org.csonline.onboarding.web.Messages;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
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
    String confirm(@Valid @ModelAttribute RecordConfirmationForm form, BindingResult binding,
            RedirectAttributes redirect) {
        JourneyGuard.onboarding(session);
        try {
            Form.check(binding);
        } catch (UserInputException e) {
            // Post-redirect-get, so Back after a wrong answer does not ask to resend the form.
            form.showAgainAfterRedirect(redirect, messages.errors(e));
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
