package org.csonline.onboarding.about;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The pages a UK council service must have, linked from every page's footer. */
@Controller
class AboutController {

    private final AboutProperties about;
    private final Duration sessionIdleTimeout;

    AboutController(AboutProperties about,
            @Value("${server.servlet.session.timeout:30m}") Duration sessionIdleTimeout) {
        this.about = about;
        this.sessionIdleTimeout = sessionIdleTimeout;
    }

    @ModelAttribute("about")
    AboutProperties about() {
        return about;
    }

    @GetMapping("/accessibility")
    String accessibility() {
        return "about/accessibility";
    }

    /** The retention the text states is the configured one, in days, so the notice and the code agree. */
    @GetMapping("/privacy")
    String privacy(Model model) {
        model.addAttribute("retentionDays", about.endedOnboardingRetention().toDays());
        return "about/privacy";
    }

    @GetMapping("/cookies")
    String cookies(Model model) {
        model.addAttribute("idleMinutes", sessionIdleTimeout.toMinutes());
        return "about/cookies";
    }
}
