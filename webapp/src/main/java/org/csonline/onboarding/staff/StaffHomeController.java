package org.csonline.onboarding.staff;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** /staff: sign-in, then links to the caseworker and reviewer pages the user's roles allow. */
@Controller
class StaffHomeController {

    @GetMapping("/staff/sign-in")
    String signIn() {
        return "staff/sign-in";
    }

    @GetMapping("/staff")
    String home() {
        return "staff/home";
    }
}
