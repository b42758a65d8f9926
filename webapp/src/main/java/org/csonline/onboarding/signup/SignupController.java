package org.csonline.onboarding.signup;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.UUID;
import org.csonline.onboarding.audit.AuditEvent;
import org.csonline.onboarding.audit.AuditLog;
import org.csonline.onboarding.email.EmailCodeResult;
import org.csonline.onboarding.ratelimit.RateLimitedAction;
import org.csonline.onboarding.ratelimit.RateLimiter;
import org.csonline.onboarding.support.UserInputException;
import org.csonline.onboarding.web.ApplicantSession;
import org.csonline.onboarding.web.ClientAddress;
import org.csonline.onboarding.web.JourneyGuard;
import org.csonline.onboarding.web.CodeForm;
import org.csonline.onboarding.web.EmailForm;
import org.csonline.onboarding.web.Messages;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/** Guide steps 5-10: "Sign up now" to "Create". */
@Controller
class SignupController {

    private final SignupService signups;
    private final ApplicantSession session;
    private final Messages messages;
    private final RateLimiter rateLimiter;
    private final AuditLog audit;

    SignupController(SignupService signups, ApplicantSession session, Messages messages, RateLimiter rateLimiter,
            AuditLog audit) {
        this.signups = signups;
        this.session = session;
        this.messages = messages;
        this.rateLimiter = rateLimiter;
        this.audit = audit;
    }

    @ModelAttribute("step")
    String step() {
        return "signup";
    }

    @GetMapping("/signup/email")
    String emailPage(Model model) {
        UUID onboarding = JourneyGuard.onboarding(session);
        if (signups.isEmailVerified(onboarding)) {
            // Nothing to send again: the address is verified, so the applicant goes on from there.
            return "redirect:/signup/verified";
        }
        if (!model.containsAttribute("formFilled")) {
            model.addAttribute("form", Map.of("email", signups.emailFor(onboarding).orElse("")));
        }
        return "applicant/signup-email";
    }

    @PostMapping("/signup/email")
    String sendCode(@ModelAttribute EmailForm form, HttpServletRequest request, Model model) {
        UUID onboarding = JourneyGuard.onboarding(session);
        if (signups.isEmailVerified(onboarding)) {
            return "redirect:/signup/verified";
        }
        rateLimiter.check(RateLimitedAction.EMAIL_CODE_SEND, session.actor(), ClientAddress.of(request));
        try {
            signups.requestEmailCode(onboarding, form.email());
            audit.record(AuditEvent.EMAIL_CODE_REQUESTED.by(session.actor()).onboarding(onboarding)
                    .from(ClientAddress.of(request)));
        } catch (UserInputException e) {
            form.showAgain(model, messages.errors(e));
            model.addAttribute("formFilled", true);
            return emailPage(model);
        }
        return "redirect:/signup/verify";
    }

    @GetMapping("/signup/verify")
    String verifyPage(Model model) {
        UUID onboarding = JourneyGuard.onboarding(session);
        if (signups.isEmailVerified(onboarding)) {
            return "redirect:/signup/verified";
        }
        model.addAttribute("email", signups.emailFor(onboarding).orElse(""));
        return "applicant/signup-verify";
    }

    @PostMapping("/signup/verify")
    String verify(@ModelAttribute CodeForm form, HttpServletRequest request, Model model) {
        UUID onboarding = JourneyGuard.onboarding(session);
        rateLimiter.check(RateLimitedAction.EMAIL_CODE_CHECK, session.actor(), ClientAddress.of(request));
        try {
            EmailCodeResult result = signups.verifyEmail(onboarding, form.code());
            audit.record((result == EmailCodeResult.VERIFIED ? AuditEvent.EMAIL_CODE_VERIFIED
                    : AuditEvent.EMAIL_CODE_REJECTED).by(session.actor()).onboarding(onboarding)
                    .from(ClientAddress.of(request)).detail(result.name()));
            if (result == EmailCodeResult.VERIFIED) {
                return "redirect:/signup/verified";
            }
            form.showAgain(model, messages.error("code", "signup.code." + result.name()));
        } catch (UserInputException e) {
            form.showAgain(model, messages.errors(e));
        }
        return verifyPage(model);
    }

    @PostMapping("/signup/verify/resend")
    String resend(HttpServletRequest request, Model model) {
        UUID onboarding = JourneyGuard.onboarding(session);
        rateLimiter.check(RateLimitedAction.EMAIL_CODE_SEND, session.actor(), ClientAddress.of(request));
        try {
            signups.requestEmailCode(onboarding, signups.emailFor(onboarding).orElse(""));
            audit.record(AuditEvent.EMAIL_CODE_REQUESTED.by(session.actor()).onboarding(onboarding)
                    .from(ClientAddress.of(request)).detail("resend"));
        } catch (UserInputException e) {
            model.addAttribute("errors", messages.errors(e));
            return verifyPage(model);
        }
        return "redirect:/signup/verify?resent";
    }

    @GetMapping("/signup/verified")
    String verified() {
        UUID onboarding = JourneyGuard.onboarding(session);
        return signups.isEmailVerified(onboarding) ? "applicant/signup-verified" : "redirect:/signup/verify";
    }

    @GetMapping("/signup/details")
    String detailsPage() {
        UUID onboarding = JourneyGuard.onboarding(session);
        return signups.isEmailVerified(onboarding) ? "applicant/signup-details" : "redirect:/signup/verify";
    }

    @PostMapping("/signup/details")
    String create(@ModelAttribute AccountDetailsForm form, HttpServletRequest request, Model model) {
        UUID onboarding = JourneyGuard.onboarding(session);
        try {
            signups.submitDetails(onboarding, form.details());
        } catch (UserInputException e) {
            form.showAgain(model, messages.errors(e));
            return detailsPage();
        }
        audit.record(AuditEvent.PASSWORD_SET.by(session.actor()).onboarding(onboarding).from(ClientAddress.of(request))
                .detail("sign-up"));
        return "redirect:/signup/phone";
    }
}
