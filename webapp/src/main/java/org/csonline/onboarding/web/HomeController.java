package org.csonline.onboarding.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

    @GetMapping("/")
    String home() {
        return "applicant/home";
    }

    @GetMapping(AbsoluteSessionTimeout.EXPIRED_PAGE)
    String sessionExpired() {
        return "applicant/session-expired";
    }
}
