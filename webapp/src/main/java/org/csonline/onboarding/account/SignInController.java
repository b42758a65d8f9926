package org.csonline.onboarding.account;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.csonline.onboarding.phone.PhoneChannel;
import org.csonline.onboarding.phone.PhoneCheckResult;
import org.csonline.onboarding.phone.PhoneCodeService;
import org.csonline.onboarding.phone.PhoneNumber;
import org.csonline.onboarding.support.UserInputException;
import org.csonline.onboarding.web.ApplicantSession;
import org.csonline.onboarding.web.Messages;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Every applicant sign-in: email and password, then a code sent to the registered phone. During an onboarding
 * (guide step 4) a signed-in existing account goes straight on to the record confirmation.
 */
@Controller
class SignInController {

    private final AccountService accountService;
    private final AccountRepository accounts;
    private final PhoneCodeService phoneCodes;
    private final ApplicantSession session;
    private final Messages messages;

    SignInController(AccountService accountService, AccountRepository accounts, PhoneCodeService phoneCodes,
            ApplicantSession session, Messages messages) {
        this.accountService = accountService;
        this.accounts = accounts;
        this.phoneCodes = phoneCodes;
        this.session = session;
        this.messages = messages;
    }

    @GetMapping("/sign-in")
    String signInPage(Model model) {
        model.addAttribute("invited", session.onboardingId().isPresent());
        return "applicant/sign-in";
    }

    @PostMapping("/sign-in")
    String signIn(@RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String password,
            Model model) {
        model.addAttribute("form", Map.of("email", email));
        Optional<Account> account = accountService.checkPassword(email, password);
        if (account.isEmpty()) {
            model.addAttribute("errors", messages.error("email", "signIn.wrong"));
            return signInPage(model);
        }
        if (account.get().status() != AccountStatus.ACTIVE) {
            model.addAttribute("errors", messages.error("email", "signIn.notActive"));
            return signInPage(model);
        }
        session.passwordChecked(account.get().id());
        try {
            phoneCodes.sendSignInCode(account.get(), PhoneChannel.SMS);
        } catch (UserInputException e) {
            model.addAttribute("errors", messages.errors(e));
            return codePage(model);
        }
        return "redirect:/sign-in/code";
    }

    @GetMapping("/sign-in/code")
    String codePage(Model model) {
        Optional<Account> account = session.passwordCheckedAccountId().flatMap(accounts::find);
        if (account.isEmpty()) {
            return "redirect:/sign-in";
        }
        model.addAttribute("maskedPhone", PhoneNumber.mask(account.get().phoneE164()));
        return "applicant/sign-in-code";
    }

    @PostMapping("/sign-in/code/resend")
    String resend(@RequestParam(defaultValue = "sms") String channel, Model model) {
        Optional<Account> account = session.passwordCheckedAccountId().flatMap(accounts::find);
        if (account.isEmpty()) {
            return "redirect:/sign-in";
        }
        try {
            phoneCodes.sendSignInCode(account.get(), PhoneChannel.fromId(channel));
        } catch (UserInputException e) {
            model.addAttribute("errors", messages.errors(e));
            return codePage(model);
        }
        return "redirect:/sign-in/code?sent=" + PhoneChannel.fromId(channel).id();
    }

    @PostMapping("/sign-in/code")
    String checkCode(@RequestParam(defaultValue = "") String code, HttpServletRequest request, Model model) {
        Optional<Account> account = session.passwordCheckedAccountId().flatMap(accounts::find);
        if (account.isEmpty()) {
            return "redirect:/sign-in";
        }
        model.addAttribute("form", Map.of("code", code));
        PhoneCheckResult result;
        try {
            result = phoneCodes.checkSignInCode(account.get(), code);
        } catch (UserInputException e) {
            model.addAttribute("errors", messages.errors(e));
            return codePage(model);
        }
        if (result != PhoneCheckResult.APPROVED) {
            model.addAttribute("errors", messages.error("code", "phone.code." + result.name()));
            return codePage(model);
        }
        request.changeSessionId();
        session.signedIn(account.get().id());
        Optional<UUID> onboarding = session.onboardingId();
        if (onboarding.isPresent() && accountService.linkExistingAccount(onboarding.get(), account.get().id())) {
            return "redirect:/setup";
        }
        return "redirect:/records";
    }

    @PostMapping("/sign-out")
    String signOut(HttpServletRequest request) {
        request.getSession().invalidate();
        return "redirect:/signed-out";
    }

    @GetMapping("/signed-out")
    String signedOut() {
        return "applicant/signed-out";
    }
}
