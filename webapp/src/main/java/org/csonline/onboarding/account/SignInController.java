package org.csonline.onboarding.account;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.csonline.onboarding.audit.AuditEvent;
import org.csonline.onboarding.audit.AuditLog;
import org.csonline.onboarding.phone.PhoneChannel;
import org.csonline.onboarding.phone.PhoneCheckResult;
import org.csonline.onboarding.phone.PhoneCodes;
import org.csonline.onboarding.phone.PhoneNumber;
import org.csonline.onboarding.ratelimit.RateLimitedAction;
import org.csonline.onboarding.ratelimit.RateLimiter;
import org.csonline.onboarding.support.EmailAddress;
import org.csonline.onboarding.support.UserInputException;
import org.csonline.onboarding.web.ApplicantSession;
import org.csonline.onboarding.web.ClientAddress;
import org.csonline.onboarding.web.CodeForm;
import org.csonline.onboarding.web.Messages;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Every applicant sign-in: email and password, then a code sent to the registered phone. During an onboarding
 * (guide step 4) a signed-in existing account goes straight on to the record confirmation.
 */
@Controller
class SignInController {

    private final SignInService signIns;
    private final AccountRepository accounts;
    private final PhoneCodes phoneCodes;
    private final ApplicantSession session;
    private final Messages messages;
    private final RateLimiter rateLimiter;
    private final AuditLog audit;
    private final SignedIn signedIn;

    SignInController(SignInService signIns, AccountRepository accounts,
            PhoneCodes phoneCodes, ApplicantSession session, Messages messages, RateLimiter rateLimiter,
            AuditLog audit, SignedIn signedIn) {
        this.signIns = signIns;
        this.accounts = accounts;
        this.phoneCodes = phoneCodes;
        this.session = session;
        this.messages = messages;
        this.rateLimiter = rateLimiter;
        this.audit = audit;
        this.signedIn = signedIn;
    }

    @GetMapping("/sign-in")
    String signInPage(Model model) {
        model.addAttribute("invited", session.onboardingId().isPresent());
        return "applicant/sign-in";
    }

    @PostMapping("/sign-in")
    String signIn(@ModelAttribute SignInForm form, HttpServletRequest request, Model model) {
        String from = ClientAddress.of(request);
        rateLimiter.check(RateLimitedAction.PASSWORD_CHECK, EmailAddress.typed(form.email()).value(), from);
        SignInResult result = signIns.checkPassword(form.email(), form.password());
        switch (result) {
            case SignInResult.LockedOut locked -> {
                audit.record(AuditEvent.SIGN_IN_LOCKED_OUT.from(from));
                form.showAgain(model, messages.error("email", "signIn.lockedOut", locked.minutes()));
                return signInPage(model);
            }
            case SignInResult.Rejected rejected -> {
                audit.record(AuditEvent.SIGN_IN_PASSWORD_REJECTED.from(from)
                        .detail(rejected.lockout().isZero() ? null : "lockout " + rejected.lockout()));
                form.showAgain(model, messages.error("email", "signIn.wrong"));
                return signInPage(model);
            }
            case SignInResult.NotActive notActive -> {
                audit.record(AuditEvent.SIGN_IN_PASSWORD_ACCEPTED.byAccount(notActive.account().id()).from(from)
                        .detail("account not active"));
                form.showAgain(model, messages.error("email", "signIn.notActive"));
                return signInPage(model);
            }
            case SignInResult.Accepted accepted -> {
                Account account = accepted.account();
                audit.record(AuditEvent.SIGN_IN_PASSWORD_ACCEPTED.byAccount(account.id()).from(from));
                session.passwordChecked(account.id());
                if (account.phoneE164() == null) {
                    // Staff removed a lost phone: the password is right, so the applicant registers the new one.
                    return "redirect:/sign-in/new-phone";
                }
                return sendCode(account, PhoneChannel.SMS, from, model);
            }
        }
    }

    @GetMapping("/sign-in/code")
    String codePage(Model model) {
        Optional<Account> account = session.passwordCheckedAccountId().flatMap(accounts::find);
        if (account.isEmpty()) {
            return "redirect:/sign-in";
        }
        if (account.get().phoneE164() == null) {
            return "redirect:/sign-in/new-phone";
        }
        model.addAttribute("invited", session.onboardingId().isPresent());
        model.addAttribute("maskedPhone", PhoneNumber.mask(account.get().phoneE164()));
        return "applicant/sign-in-code";
    }

    @PostMapping("/sign-in/code/resend")
    String resend(@RequestParam(defaultValue = "sms") String channel, HttpServletRequest request, Model model) {
        Optional<Account> account = session.passwordCheckedAccountId().flatMap(accounts::find);
        if (account.isEmpty()) {
            return "redirect:/sign-in";
        }
        if (account.get().phoneE164() == null) {
            return "redirect:/sign-in/new-phone";
        }
        return sendCode(account.get(), PhoneChannel.fromId(channel), ClientAddress.of(request), model);
    }

    private String sendCode(Account account, PhoneChannel channel, String from, Model model) {
        rateLimiter.check(RateLimitedAction.PHONE_CODE_SEND, AuditLog.account(account.id()), from);
        try {
            phoneCodes.sendTo(account.signInPhone(), channel);
        } catch (UserInputException e) {
            model.addAttribute("errors", messages.errors(e));
            return codePage(model);
        }
        audit.record(AuditEvent.SIGN_IN_CODE_SENT.byAccount(account.id()).from(from).detail(channel.id()));
        return "redirect:/sign-in/code?sent=" + channel.id();
    }

    @PostMapping("/sign-in/code")
    String checkCode(@ModelAttribute CodeForm form, HttpServletRequest request, Model model) {
        Optional<Account> account = session.passwordCheckedAccountId().flatMap(accounts::find);
        if (account.isEmpty()) {
            return "redirect:/sign-in";
        }
        if (account.get().phoneE164() == null) {
            return "redirect:/sign-in/new-phone";
        }
        String from = ClientAddress.of(request);
        rateLimiter.check(RateLimitedAction.PHONE_CODE_CHECK, AuditLog.account(account.get().id()), from);
        PhoneCheckResult result;
        try {
            result = phoneCodes.check(account.get().signInPhone(), form.code());
        } catch (UserInputException e) {
            form.showAgain(model, messages.errors(e));
            return codePage(model);
        }
        if (result != PhoneCheckResult.APPROVED) {
            audit.record(AuditEvent.SIGN_IN_CODE_REJECTED.byAccount(account.get().id()).from(from)
                    .detail(result.name()));
            form.showAgain(model, messages.error("code", "phone.code." + result.name()));
            return codePage(model);
        }
        return signedIn.complete(account.get(), request, from);
    }

    @GetMapping("/sign-in/lost-phone")
    String lostPhone() {
        return "applicant/lost-phone";
    }

    @PostMapping("/sign-out")
    String signOut(HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response) {
        // Evicts the back/forward cache too, so Back after signing out cannot show the signed-in pages again.
        response.setHeader("Clear-Site-Data", "\"cache\"");
        audit.record(AuditEvent.SIGNED_OUT.by(session.actor()).onboarding(session.onboardingId().orElse(null))
                .account(session.signedInAccountId().orElse(null)).from(ClientAddress.of(request)));
        request.getSession().invalidate();
        return "redirect:/signed-out";
    }

    @GetMapping("/signed-out")
    String signedOut() {
        return "applicant/signed-out";
    }
}
