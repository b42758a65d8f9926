package org.csonline.onboarding.access;

import java.util.Optional;
import java.util.UUID;
import org.csonline.onboarding.account.AccountRepository;
import org.csonline.onboarding.web.ApplicantSession;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** After sign-in: the records this account may see, and no others. */
@Controller
class RecordsController {

    private final RecordAccessService access;
    private final AccountRepository accounts;
    private final ApplicantSession session;

    RecordsController(RecordAccessService access, AccountRepository accounts, ApplicantSession session) {
        this.access = access;
        this.accounts = accounts;
        this.session = session;
    }

    @GetMapping("/records")
    String records(Model model) {
        Optional<UUID> accountId = session.signedInAccountId();
        if (accountId.isEmpty()) {
            return "redirect:/sign-in";
        }
        model.addAttribute("account", accounts.get(accountId.get()));
        model.addAttribute("records", access.recordsFor(accountId.get()));
        return "applicant/records";
    }
}
