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
import org.csonline.onboarding.support.UserInputException;
import org.csonline.onboarding.web.ApplicantSession;
import org.csonline.onboarding.web.ClientAddress;
import org.csonline.onboarding.web.CodeForm;
import org.csonline.onboarding.web.Messages;
import org.csonline.onboarding.web.PhoneNumberForm;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Sign-in for an account whose lost phone a caseworker removed: after the password, the applicant registers the
 * phone they have now with a code round, then is signed in.
 */
@Controller
class NewPhoneSignInController {

    private final AccountRepository accounts;
    private final AccountPhoneService accountPhones;
    private final PhoneCodes phoneCodes;
    private final ApplicantSession session;
    private final Messages messages;
    private final RateLimiter rateLimiter;
    private final AuditLog audit;
    private final SignedIn signedIn;

    NewPhoneSignInController(AccountRepository accounts, AccountPhoneService accountPhones,
            PhoneCodes phoneCodes, ApplicantSession session, Messages messages, RateLimiter rateLimiter,
            AuditLog audit, SignedIn signedIn) {
        this.accounts = accounts;
        this.accountPhones = accountPhones;
        this.phoneCodes = phoneCodes;
        this.session = session;
        this.messages = messages;
        this.rateLimiter = rateLimiter;
        this.audit = audit;
        this.signedIn = signedIn;
    }

    /** The account (password checked) that has no phone, because staff removed a lost one. */
    private Optional<Account> accountWithoutPhone() {
        return session.passwordCheckedAccountId().flatMap(accounts::find)
                .filter(account -> account.phoneE164() == null && account.status() == AccountStatus.ACTIVE);
    }

    @GetMapping("/sign-in/new-phone")
    String newPhonePage(Model model) {
        if (accountWithoutPhone().isEmpty()) {
            return "redirect:/sign-in";
        }
        return "applicant/sign-in-phone";
    }

    @PostMapping("/sign-in/new-phone")
    String sendNewPhoneCode(@ModelAttribute PhoneNumberForm form, @RequestParam(defaultValue = "sms") String channel,
            HttpServletRequest request, Model model) {
        Optional<Account> account = accountWithoutPhone();
        if (account.isEmpty()) {
            return "redirect:/sign-in";
        }
        String from = ClientAddress.of(request);
        rateLimiter.check(RateLimitedAction.PHONE_CODE_SEND, AuditLog.account(account.get().id()), from);
        PhoneChannel chosen = PhoneChannel.fromId(channel);
        try {
            PhoneNumber number = phoneCodes.sendToNewNumber(form.phoneNumber(), chosen);
            session.newPhone(number.e164());
        } catch (UserInputException e) {
            form.showAgain(model, messages.errors(e));
            return newPhonePage(model);
        }
        audit.record(AuditEvent.PHONE_CODE_REQUESTED.byAccount(account.get().id()).from(from)
                .detail("new phone at sign-in, " + chosen.id()));
        return "redirect:/sign-in/new-phone/code?sent=" + chosen.id();
    }

    @GetMapping("/sign-in/new-phone/code")
    String newPhoneCodePage(Model model) {
        if (accountWithoutPhone().isEmpty()) {
            return "redirect:/sign-in";
        }
        Optional<String> number = session.newPhoneE164();
        if (number.isEmpty()) {
            return "redirect:/sign-in/new-phone";
        }
        model.addAttribute("maskedPhone", PhoneNumber.mask(number.get()));
        return "applicant/sign-in-phone-code";
    }

    @PostMapping("/sign-in/new-phone/code/resend")
    String resendNewPhoneCode(@RequestParam(defaultValue = "sms") String channel, HttpServletRequest request,
            Model model) {
        Optional<Account> account = accountWithoutPhone();
        Optional<String> number = session.newPhoneE164();
        if (account.isEmpty() || number.isEmpty()) {
            return "redirect:/sign-in/new-phone";
        }
        String from = ClientAddress.of(request);
        rateLimiter.check(RateLimitedAction.PHONE_CODE_SEND, AuditLog.account(account.get().id()), from);
        PhoneChannel chosen = PhoneChannel.fromId(channel);
        try {
            phoneCodes.sendToNewNumber(number.get(), chosen);
        } catch (UserInputException e) {
            // The number was checked when typed; what is left (too many codes, provider down) goes with the code box.
            model.addAttribute("errors", messages.error("code", e.errors().getFirst().messageKey()));
            return newPhoneCodePage(model);
        }
        audit.record(AuditEvent.PHONE_CODE_REQUESTED.byAccount(account.get().id()).from(from)
                .detail("new phone at sign-in, " + chosen.id()));
        return "redirect:/sign-in/new-phone/code?sent=" + chosen.id();
    }

    @PostMapping("/sign-in/new-phone/code")
    String checkNewPhoneCode(@ModelAttribute CodeForm form, HttpServletRequest request, Model model) {
        Optional<Account> account = accountWithoutPhone();
        Optional<String> number = session.newPhoneE164();
        if (account.isEmpty() || number.isEmpty()) {
            return "redirect:/sign-in/new-phone";
        }
        String from = ClientAddress.of(request);
        rateLimiter.check(RateLimitedAction.PHONE_CODE_CHECK, AuditLog.account(account.get().id()), from);
        PhoneCheckResult result;
        try {
            result = phoneCodes.check(number.get(), form.code());
        } catch (UserInputException e) {
            form.showAgain(model, messages.errors(e));
            return newPhoneCodePage(model);
        }
        if (result != PhoneCheckResult.APPROVED) {
            audit.record(AuditEvent.PHONE_CODE_REJECTED.byAccount(account.get().id()).from(from).detail(result.name()));
            form.showAgain(model, messages.error("code", "phone.code." + result.name()));
            return newPhoneCodePage(model);
        }
        audit.record(AuditEvent.PHONE_CODE_VERIFIED.byAccount(account.get().id()).from(from)
                .detail("new phone at sign-in"));
        accountPhones.registerPhone(account.get().id(), number.get(), from);
        return signedIn.complete(account.get(), request, from);
    }
}
