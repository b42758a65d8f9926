package org.csonline.onboarding.staff.phone;

import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.csonline.onboarding.account.Account;
import org.csonline.onboarding.account.AccountPhoneService;
import org.csonline.onboarding.account.AccountRepository;
import org.csonline.onboarding.phone.PhoneNumber;
import org.csonline.onboarding.web.ClientAddress;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "I no longer have this phone": after checking who the applicant is, a caseworker or manager removes the
 * account's phone; at their next sign-in the applicant registers the phone they have now.
 */
@Controller
class AccountPhoneController {

    private final AccountRepository accounts;
    private final AccountPhoneService phones;

    AccountPhoneController(AccountRepository accounts, AccountPhoneService phones) {
        this.accounts = accounts;
        this.phones = phones;
    }

    @GetMapping("/staff/accounts/{accountId}/phone")
    String page(@PathVariable UUID accountId, @RequestParam(required = false) String confirm, Authentication user,
            Model model) {
        Account account = allowed(accountId, user);
        model.addAttribute("account", account);
        model.addAttribute("maskedPhone", PhoneNumber.mask(account.phoneE164()));
        model.addAttribute("confirming", confirm != null && account.phoneE164() != null);
        return "staff/account-phone";
    }

    @PostMapping("/staff/accounts/{accountId}/phone/remove")
    String remove(@PathVariable UUID accountId, Authentication user, HttpServletRequest request,
            RedirectAttributes redirect) {
        allowed(accountId, user);
        boolean removed = phones.removePhone(accountId, user.getName(), ClientAddress.of(request));
        redirect.addFlashAttribute("notice", removed
                ? "Phone number removed. The applicant will register a new phone the next time they sign in."
                : "This account has no phone number to remove.");
        return "redirect:/staff/accounts/" + accountId + "/phone";
    }

    /** Caseworkers and managers; reviewers and unknown accounts get the same "not found". */
    private Account allowed(UUID accountId, Authentication user) {
        boolean staffRole = user != null && user.getAuthorities().stream().anyMatch(a ->
                a.getAuthority().equals("ROLE_CASEWORKER") || a.getAuthority().equals("ROLE_MANAGER"));
        if (!staffRole) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        return accounts.find(accountId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
