package org.csonline.onboarding.guide;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The illustrated guide: the council's 15 steps, each with a picture of this service's page at that step. The web
 * page comes first (public-sector guidance: HTML first); the PDF is made from the same content, for printing.
 */
@Controller
class GuideController {

    private final GuidePdf pdf;

    GuideController(GuidePdf pdf) {
        this.pdf = pdf;
    }

    @GetMapping("/guide")
    String guide(Model model) {
        model.addAttribute("steps", GuideSteps.numbers().boxed().toList());
        return "applicant/guide";
    }

    @GetMapping("/guide.pdf")
    ResponseEntity<byte[]> pdf() {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"account-setup-guide.pdf\"")
                .body(pdf.render());
    }
}
