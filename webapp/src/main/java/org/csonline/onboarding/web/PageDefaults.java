package org.csonline.onboarding.web;

import java.util.HashMap;
import java.util.Map;
import org.csonline.onboarding.support.CouncilProperties;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's layout needs, so a controller adds only what is its own. */
@ControllerAdvice
class PageDefaults {

    private final CouncilProperties council;

    PageDefaults(CouncilProperties council) {
        this.council = council;
    }

    @ModelAttribute("council")
    CouncilProperties council() {
        return council;
    }

    @ModelAttribute("errors")
    FormErrors errors() {
        return FormErrors.none();
    }

    @ModelAttribute("form")
    Map<String, String> form() {
        return new HashMap<>();
    }
}
