package org.csonline.onboarding.staff;

import jakarta.validation.Valid;
import java.security.Principal;
import java.util.Optional;
import java.util.UUID;
import org.csonline.onboarding.access.AccessReviewService;
import org.csonline.onboarding.access.PendingReview;
import org.csonline.onboarding.notice.StaffNoticeKind;
import org.csonline.onboarding.notice.StaffNoticeService;
import org.csonline.onboarding.support.UserInputException;
import org.csonline.onboarding.timeline.TimelineService;
import org.csonline.onboarding.web.Form;
import org.csonline.onboarding.web.Messages;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Reviewer pages: the access-review queue (guide step 15). Approve is one press; Decline asks to confirm with a
 * reason, which the caseworker sees and explains to the applicant.
 */
@Controller
class ReviewerController {

    private final AccessReviewService reviews;
    private final TimelineService timeline;
    private final StaffNoticeService notices;
    private final Messages messages;

    ReviewerController(AccessReviewService reviews, TimelineService timeline, StaffNoticeService notices,
            Messages messages) {
        this.reviews = reviews;
        this.timeline = timeline;
        this.notices = notices;
        this.messages = messages;
    }

    @GetMapping("/staff/reviews")
    String queue(Model model) {
        model.addAttribute("reviews", reviews.pending());
        return "staff/reviews";
    }

    @GetMapping("/staff/reviews/{id}")
    String review(@PathVariable UUID id, Model model, RedirectAttributes redirect) {
        Optional<PendingReview> review = reviews.findPending(id);
        if (review.isEmpty()) {
            return alreadyDecided(id, redirect);
        }
        model.addAttribute("review", review.get());
        model.addAttribute("timeline", timeline.timeline(id));
        return "staff/review";
    }

    @PostMapping("/staff/reviews/{id}")
    String decide(@PathVariable UUID id, @RequestParam String decision, Principal reviewer,
            RedirectAttributes redirect) {
        if (!"approve".equals(decision)) {
            return "redirect:/staff/reviews/" + id + "/decline";
        }
        boolean decided = reviews.decide(id, true, reviewer.getName());
        redirect.addFlashAttribute("notice", messages.text(decided ? "review.approved" : "review.alreadyDecided"));
        return "redirect:/staff/reviews";
    }

    @GetMapping("/staff/reviews/{id}/decline")
    String confirmDecline(@PathVariable UUID id, Model model, RedirectAttributes redirect) {
        Optional<PendingReview> review = reviews.findPending(id);
        if (review.isEmpty()) {
            return alreadyDecided(id, redirect);
        }
        model.addAttribute("review", review.get());
        return "staff/review-decline";
    }

    @PostMapping("/staff/reviews/{id}/decline")
    String decline(@PathVariable UUID id, @Valid @ModelAttribute DeclineForm form, BindingResult binding,
            Principal reviewer, Model model, RedirectAttributes redirect) {
        boolean decided;
        try {
            Form.check(binding);
            decided = reviews.decline(id, reviewer.getName(), form.declineReason());
        } catch (UserInputException e) {
            form.showAgain(model, messages.errors(e));
            return confirmDecline(id, model, redirect);
        }
        if (decided) {
            notices.tellCaseworkerNow(id, StaffNoticeKind.ACCESS_DECLINED);
        }
        redirect.addFlashAttribute("notice", messages.text(decided ? "review.declined" : "review.alreadyDecided"));
        return "redirect:/staff/reviews";
    }

    /** A decided request (opened again from history or a bookmark) goes back to the queue, saying so. */
    private String alreadyDecided(UUID id, RedirectAttributes redirect) {
        if (reviews.decision(id).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        redirect.addFlashAttribute("notice", messages.text("review.alreadyDecided"));
        return "redirect:/staff/reviews";
    }
}
