package org.csonline.onboarding.staff;

import java.security.Principal;
import java.util.UUID;
import org.csonline.onboarding.access.AccessReviewService;
import org.csonline.onboarding.access.PendingReview;
import org.csonline.onboarding.timeline.TimelineService;
import org.csonline.onboarding.web.Messages;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Reviewer pages: the access-review queue (guide step 15). */
@Controller
class ReviewerController {

    private final AccessReviewService reviews;
    private final TimelineService timeline;
    private final Messages messages;

    ReviewerController(AccessReviewService reviews, TimelineService timeline, Messages messages) {
        this.reviews = reviews;
        this.timeline = timeline;
        this.messages = messages;
    }

    @GetMapping("/staff/reviews")
    String queue(Model model) {
        model.addAttribute("reviews", reviews.pending());
        return "staff/reviews";
    }

    @GetMapping("/staff/reviews/{id}")
    String review(@PathVariable UUID id, Model model) {
        PendingReview review = reviews.findPending(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("review", review);
        model.addAttribute("timeline", timeline.timeline(id));
        return "staff/review";
    }

    @PostMapping("/staff/reviews/{id}")
    String decide(@PathVariable UUID id, @RequestParam String decision, Principal reviewer,
            RedirectAttributes redirect) {
        boolean approved = "approve".equals(decision);
        boolean decided = reviews.decide(id, approved, reviewer.getName());
        redirect.addFlashAttribute("notice", messages.text(!decided ? "review.alreadyDecided"
                : approved ? "review.approved" : "review.declined"));
        return "redirect:/staff/reviews";
    }
}
