package org.csonline.onboarding.signup;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.UUID;
import org.csonline.onboarding.audit.AuditEvent;
import org.csonline.onboarding.audit.AuditLog;
import org.csonline.onboarding.phone.PhoneChannel;
import org.csonline.onboarding.phone.PhoneCheckResult;
import org.csonline.onboarding.phone.PhoneNumber;
import org.csonline.onboarding.ratelimit.RateLimitedAction;
import org.csonline.onboarding.ratelimit.RateLimiter;
import org.csonline.onboarding.support.UserInputException;
import org.csonline.onboarding.web.ApplicantSession;
import org.csonline.onboarding.web.ClientAddress;
import org.csonline.onboarding.web.JourneyGuard;
import org.csonline.onboarding.web.CodeForm;
import org.csonline.onboarding.web.Messages;
import org.csonline.onboarding.web.PhoneNumberForm;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** Guide steps 11-12: register a phone, then confirm it with a second code. */
@Controller
class PhoneController {

    private final PhoneRounds phoneRounds;
    private final SignupService signups;
    private final ApplicantSession session;
    private final Messages messages;
    private final RateLimiter rateLimiter;
    private final AuditLog audit;

    PhoneController(PhoneRounds phoneRounds, SignupService signups, ApplicantSession session, Messages messages,
            RateLimiter rateLimiter, AuditLog audit) {
        this.phoneRounds = phoneRounds;
        this.signups = signups;
        this.session = session;
        this.messages = messages;
        this.rateLimiter = rateLimiter;
        this.audit = audit;
    }

    @GetMapping("/signup/phone")
    String phonePage(Model model) {
        UUID onboarding = JourneyGuard.onboarding(session);
        if (!signups.hasSubmittedDetails(onboarding)) {
            return "redirect:/signup/details";
        }
        if (phoneRounds.isComplete(onboarding)) {
            return "redirect:/setup";
        }
        int round = phoneRounds.currentRound(onboarding);
        model.addAttribute("round", round);
        model.addAttribute("maskedPhone", phoneRounds.number(onboarding).map(PhoneNumber::mask).orElse(""));
        return round == 1 ? "applicant/phone" : "applicant/phone-again";
    }

    @PostMapping("/signup/phone")
    String sendCode(@ModelAttribute PhoneNumberForm form, @RequestParam(defaultValue = "sms") String channel,
            HttpServletRequest request, Model model) {
        UUID onboarding = JourneyGuard.onboarding(session);
        rateLimiter.check(RateLimitedAction.PHONE_CODE_SEND, session.actor(), ClientAddress.of(request));
        try {
            phoneRounds.request(onboarding, form.phoneNumber(), PhoneChannel.fromId(channel));
            audit.record(AuditEvent.PHONE_CODE_REQUESTED.by(session.actor()).onboarding(onboarding)
                    .from(ClientAddress.of(request)).detail(channel));
        } catch (UserInputException e) {
            form.showAgain(model, messages.errors(e));
            model.addAttribute("round", 1);
            return "applicant/phone";
        }
        return "redirect:/signup/phone/code?sent=" + PhoneChannel.fromId(channel).id();
    }

    @PostMapping("/signup/phone/again")
    String sendAgain(@RequestParam(defaultValue = "sms") String channel, HttpServletRequest request, Model model) {
        UUID onboarding = JourneyGuard.onboarding(session);
        if (phoneRounds.number(onboarding).isEmpty()) {
            return "redirect:/signup/phone";
        }
        rateLimiter.check(RateLimitedAction.PHONE_CODE_SEND, session.actor(), ClientAddress.of(request));
        audit.record(AuditEvent.PHONE_CODE_REQUESTED.by(session.actor()).onboarding(onboarding)
                .from(ClientAddress.of(request)).detail(channel));
        try {
            phoneRounds.requestAgain(onboarding, PhoneChannel.fromId(channel));
        } catch (UserInputException e) {
            model.addAttribute("errors", messages.errors(e));
            return codePage(model);
        }
        return "redirect:/signup/phone/code?sent=" + PhoneChannel.fromId(channel).id();
    }

    @GetMapping("/signup/phone/code")
    String codePage(Model model) {
        UUID onboarding = JourneyGuard.onboarding(session);
        if (phoneRounds.number(onboarding).isEmpty()) {
            return "redirect:/signup/phone";
        }
        model.addAttribute("round", phoneRounds.currentRound(onboarding));
        model.addAttribute("maskedPhone", phoneRounds.number(onboarding).map(PhoneNumber::mask).orElse(""));
        if (!model.containsAttribute("errors")) {
            // The provider answered after the phone page stopped waiting: say so here.
            phoneRounds.latestRefusal(onboarding).ifPresent(e -> model.addAttribute("errors", messages.errors(e)));
        }
        // The phone page waits a bounded time for the provider; past it the code is still on its way (the engine or
        // the provider slow or away), and this page says so and updates itself (js/code-pending.js).
        model.addAttribute("codePending", phoneRounds.isLatestRequestPending(onboarding));
        return "applicant/phone-code";
    }

    /** What js/code-pending.js asks while the code page says the code is on its way. */
    @GetMapping(path = "/signup/phone/code/status", produces = "application/json")
    @ResponseBody
    Map<String, Boolean> codeStatus() {
        UUID onboarding = JourneyGuard.onboarding(session);
        return Map.of("pending", phoneRounds.isLatestRequestPending(onboarding));
    }

    @PostMapping("/signup/phone/code")
    String verify(@ModelAttribute CodeForm form, HttpServletRequest request, Model model) {
        UUID onboarding = JourneyGuard.onboarding(session);
        rateLimiter.check(RateLimitedAction.PHONE_CODE_CHECK, session.actor(), ClientAddress.of(request));
        try {
            PhoneCheckResult result = phoneRounds.verify(onboarding, form.code());
            audit.record((result == PhoneCheckResult.APPROVED ? AuditEvent.PHONE_CODE_VERIFIED
                    : AuditEvent.PHONE_CODE_REJECTED).by(session.actor()).onboarding(onboarding)
                    .from(ClientAddress.of(request)).detail(result.name()));
            if (result == PhoneCheckResult.APPROVED) {
                return phoneRounds.isComplete(onboarding) ? "redirect:/setup" : "redirect:/signup/phone";
            }
            form.showAgain(model, messages.error("code", "phone.code." + result.name()));
        } catch (UserInputException e) {
            form.showAgain(model, messages.errors(e));
        }
        return codePage(model);
    }
}
