package org.csonline.onboarding.account;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.UUID;
import org.csonline.onboarding.audit.AuditEvent;
import org.csonline.onboarding.audit.AuditLog;
import org.csonline.onboarding.email.EmailCodeResult;
import org.csonline.onboarding.phone.PhoneChannel;
import org.csonline.onboarding.phone.PhoneCheckResult;
import org.csonline.onboarding.ratelimit.RateLimitedAction;
import org.csonline.onboarding.ratelimit.RateLimiter;
import org.csonline.onboarding.support.EmailAddress;
import org.csonline.onboarding.support.UserInputException;
import org.csonline.onboarding.web.ApplicantSession;
import org.csonline.onboarding.web.ClientAddress;
import org.csonline.onboarding.web.CodeForm;
import org.csonline.onboarding.web.EmailForm;
import org.csonline.onboarding.web.Messages;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Forgotten your password?": email, then the code from the email, then a code to the registered phone, then a
 * new password. Every address gets the same pages, whether or not it has an account.
 */
@Controller
class PasswordResetController {

    private static final String BASE = "/sign-in/forgotten-password";

    private final PasswordResetService resets;
    private final SignInProperties properties;
    private final ApplicantSession session;
    private final Messages messages;
    private final RateLimiter rateLimiter;
    private final AuditLog audit;

    PasswordResetController(PasswordResetService resets, SignInProperties properties, ApplicantSession session,
            Messages messages, RateLimiter rateLimiter, AuditLog audit) {
        this.resets = resets;
        this.properties = properties;
        this.session = session;
        this.messages = messages;
        this.rateLimiter = rateLimiter;
        this.audit = audit;
    }

    @GetMapping(BASE)
    String emailPage() {
        return "applicant/reset-email";
    }

    @PostMapping(BASE)
    String start(@ModelAttribute EmailForm form, HttpServletRequest request, Model model) {
        String from = ClientAddress.of(request);
        rateLimiter.check(RateLimitedAction.PASSWORD_RESET_SEND, EmailAddress.typed(form.email()).value(), from);
        UUID reset;
        try {
            reset = resets.start(form.email());
        } catch (UserInputException e) {
            form.showAgain(model, messages.errors(e));
            return emailPage();
        }
        UUID account = resets.accountOf(reset).orElse(null);
        audit.record(account == null
                ? AuditEvent.PASSWORD_RESET_REQUESTED.from(from).detail("no active account for the address")
                : AuditEvent.PASSWORD_RESET_REQUESTED.byAccount(account).from(from));
        session.passwordReset(reset);
        return "redirect:" + BASE + "/email-code";
    }

    @GetMapping(BASE + "/email-code")
    String emailCodePage(Model model) {
        Optional<UUID> reset = current(PasswordResetStage.EMAIL_CODE);
        if (reset.isEmpty()) {
            return restart();
        }
        model.addAttribute("minutes", properties.resetCodeValidity().toMinutes());
        return "applicant/reset-email-code";
    }

    @PostMapping(BASE + "/email-code")
    String checkEmailCode(@ModelAttribute CodeForm form, HttpServletRequest request, Model model) {
        Optional<UUID> reset = current(PasswordResetStage.EMAIL_CODE);
        if (reset.isEmpty()) {
            return restart();
        }
        String from = ClientAddress.of(request);
        rateLimiter.check(RateLimitedAction.PASSWORD_RESET_CHECK, reset.get().toString(), from);
        try {
            EmailCodeResult result = resets.checkEmailCode(reset.get(), form.code());
            if (result != EmailCodeResult.VERIFIED) {
                audit.record(AuditEvent.PASSWORD_RESET_REJECTED.from(from)
                        .account(resets.accountOf(reset.get()).orElse(null)).detail("email code " + result.name()));
                form.showAgain(model, messages.error("code", "reset.code." + result.name()));
                return emailCodePage(model);
            }
        } catch (UserInputException e) {
            form.showAgain(model, messages.errors(e));
            return emailCodePage(model);
        }
        UUID account = resets.accountOf(reset.get()).orElseThrow();
        audit.record(AuditEvent.PASSWORD_RESET_EMAIL_VERIFIED.byAccount(account).from(from));
        return sendPhoneCode(reset.get(), PhoneChannel.SMS, from, model);
    }

    @GetMapping(BASE + "/phone-code")
    String phoneCodePage(Model model) {
        Optional<UUID> reset = current(PasswordResetStage.PHONE_CODE);
        if (reset.isEmpty()) {
            return restart();
        }
        model.addAttribute("maskedPhone", resets.maskedPhone(reset.get()));
        return "applicant/reset-phone-code";
    }

    @PostMapping(BASE + "/phone-code/resend")
    String resendPhoneCode(@RequestParam(defaultValue = "sms") String channel, HttpServletRequest request,
            Model model) {
        Optional<UUID> reset = current(PasswordResetStage.PHONE_CODE);
        if (reset.isEmpty()) {
            return restart();
        }
        return sendPhoneCode(reset.get(), PhoneChannel.fromId(channel), ClientAddress.of(request), model);
    }

    private String sendPhoneCode(UUID reset, PhoneChannel channel, String from, Model model) {
        UUID account = resets.accountOf(reset).orElseThrow();
        rateLimiter.check(RateLimitedAction.PHONE_CODE_SEND, AuditLog.account(account), from);
        try {
            resets.sendPhoneCode(reset, channel);
        } catch (UserInputException e) {
            model.addAttribute("errors", messages.errors(e));
            return phoneCodePage(model);
        }
        return "redirect:" + BASE + "/phone-code?sent=" + channel.id();
    }

    @PostMapping(BASE + "/phone-code")
    String checkPhoneCode(@ModelAttribute CodeForm form, HttpServletRequest request, Model model) {
        Optional<UUID> reset = current(PasswordResetStage.PHONE_CODE);
        if (reset.isEmpty()) {
            return restart();
        }
        String from = ClientAddress.of(request);
        UUID account = resets.accountOf(reset.get()).orElseThrow();
        rateLimiter.check(RateLimitedAction.PHONE_CODE_CHECK, AuditLog.account(account), from);
        try {
            PhoneCheckResult result = resets.checkPhoneCode(reset.get(), form.code());
            if (result != PhoneCheckResult.APPROVED) {
                audit.record(AuditEvent.PASSWORD_RESET_REJECTED.byAccount(account).from(from)
                        .detail("phone code " + result.name()));
                form.showAgain(model, messages.error("code", "phone.code." + result.name()));
                return phoneCodePage(model);
            }
        } catch (UserInputException e) {
            form.showAgain(model, messages.errors(e));
            return phoneCodePage(model);
        }
        audit.record(AuditEvent.PASSWORD_RESET_PHONE_VERIFIED.byAccount(account).from(from));
        return "redirect:" + BASE + "/new";
    }

    @GetMapping(BASE + "/new")
    String newPasswordPage() {
        return current(PasswordResetStage.NEW_PASSWORD).isPresent() ? "applicant/reset-password" : restart();
    }

    @PostMapping(BASE + "/new")
    String setPassword(@ModelAttribute NewPasswordForm form, HttpServletRequest request, Model model) {
        Optional<UUID> reset = current(PasswordResetStage.NEW_PASSWORD);
        if (reset.isEmpty()) {
            return restart();
        }
        UUID account;
        try {
            account = resets.setPassword(reset.get(), form.newPassword(), form.confirmNewPassword());
        } catch (UserInputException e) {
            form.showAgain(model, messages.errors(e));
            return newPasswordPage();
        }
        audit.record(AuditEvent.PASSWORD_RESET_COMPLETED.byAccount(account).from(ClientAddress.of(request)));
        session.passwordReset(null);
        return "redirect:/sign-in?passwordChanged";
    }

    private Optional<UUID> current(PasswordResetStage stage) {
        return session.passwordResetId().filter(id -> resets.stage(id) == stage);
    }

    private static String restart() {
        return "redirect:" + BASE;
    }
}
