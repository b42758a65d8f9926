package org.csonline.onboarding.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.context.annotation.Profile;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** /dev/outbox: what the local stand-ins for SendGrid and Twilio delivered. Local profile only. */
@Controller
@Profile("local")
class OutboxController {

    private final LocalOutbox outbox;

    OutboxController(LocalOutbox outbox) {
        this.outbox = outbox;
    }

    @GetMapping(value = "/dev/outbox", produces = MediaType.TEXT_HTML_VALUE)
    String page(Model model) {
        model.addAttribute("entries", outbox.entries());
        return "dev/outbox";
    }

    /**
     * {@code ?to=} keeps only one recipient's messages, so a reader need not fetch everyone's. With {@code since} (an
     * instant) only those sent from then on, and with {@code wait} (a duration, at most 30 s) the answer waits for the
     * first of them instead of coming back empty: one request per code instead of a poll every few milliseconds.
     */
    @GetMapping(value = "/dev/outbox", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    List<OutboxMessage> json(@RequestParam(required = false) String to, @RequestParam(required = false) Instant since,
            @RequestParam(defaultValue = "PT0S") Duration wait) throws InterruptedException {
        List<OutboxEntry> entries = to == null ? outbox.entries()
                : since == null ? outbox.entriesTo(to)
                : outbox.entriesTo(to, since, wait);
        return entries.stream()
                .map(e -> new OutboxMessage(e.channel().id(), e.to(), e.subject(), e.body(), e.sentAt()))
                .toList();
    }

    /** The JSON shape: channel is email, sms or call. */
    record OutboxMessage(String channel, String to, String subject, String body, Instant sentAt) {
    }
}
