package org.csonline.onboarding.staff;

import java.util.Map;
import org.csonline.onboarding.web.Messages;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** /staff: sign-in, then links to the caseworker and reviewer pages the user's roles allow. */
@Controller
class StaffHomeController {

    private final Messages messages;

    StaffHomeController(Messages messages) {
        this.messages = messages;
    }

    /** After a failed sign-in ({@code ?error}) the error sits on the fields and the username typed stays. */
    @GetMapping("/staff/sign-in")
    String signIn(@RequestParam(required = false) String error, Model model) {
        if (error != null) {
            model.addAttribute("errors", messages.error("username", "staff.signIn.error"));
        }
        Object username = model.getAttribute("username");
        model.addAttribute("form", Map.of("username", username instanceof String u ? u : ""));
        return "staff/sign-in";
    }

    @GetMapping("/staff")
    String home() {
        return "staff/home";
    }
}
