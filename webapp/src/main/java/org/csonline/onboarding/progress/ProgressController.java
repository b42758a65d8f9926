package org.csonline.onboarding.progress;

import jakarta.servlet.http.HttpServletResponse;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The "where am I" page every email links to: the onboarding's step in the guide, read from the journey timeline.
 * It needs no sign-in and so shows nothing personal: no names, addresses or record details.
 */
@Controller
class ProgressController {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy 'at' h:mma", Locale.UK)
            .withZone(ZoneId.of("Europe/London"));

    private final ProgressLinks links;
    private final ProgressService progress;

    ProgressController(ProgressLinks links, ProgressService progress) {
        this.links = links;
        this.progress = progress;
    }

    @GetMapping("/progress/{token}")
    String show(@PathVariable String token, Model model, HttpServletResponse response) {
        Optional<JourneyProgress> found = links.onboardingFor(token).flatMap(progress::progress);
        if (found.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        }
        model.addAttribute("progress", found.orElse(null));
        model.addAttribute("lastChange", found.map(p -> WHEN.format(p.lastChange()).replace("AM", "am")
                .replace("PM", "pm")).orElse(""));
        return "applicant/progress";
    }
}
