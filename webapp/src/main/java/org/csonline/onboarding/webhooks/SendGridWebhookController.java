package org.csonline.onboarding.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.csonline.onboarding.email.EmailDeliveryFeedback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * SendGrid's event webhook. Only signed, fresh requests are read: unsigned or wrongly signed ones get 401, a
 * timestamp too old or a body that is not SendGrid's get 400, and none of them changes anything.
 */
@RestController
class SendGridWebhookController {

    static final String PATH = "/webhooks/sendgrid";
    static final String SIGNATURE = "X-Twilio-Email-Event-Webhook-Signature";
    static final String TIMESTAMP = "X-Twilio-Email-Event-Webhook-Timestamp";

    private static final Logger log = LoggerFactory.getLogger(SendGridWebhookController.class);

    private final SendGridSignature signature;
    private final EmailDeliveryFeedback feedback;
    private final ObjectMapper json;

    SendGridWebhookController(SendGridSignature signature, EmailDeliveryFeedback feedback, ObjectMapper json) {
        this.signature = signature;
        this.feedback = feedback;
        this.json = json;
    }

    @PostMapping(PATH)
    ResponseEntity<String> events(@RequestHeader(name = SIGNATURE, required = false) String signed,
            @RequestHeader(name = TIMESTAMP, required = false) String timestamp,
            @RequestBody(required = false) byte[] body) {
        SendGridSignature.Verdict verdict = signature.verify(signed, timestamp, body);
        switch (verdict) {
            case VALID -> {
            }
            case NOT_CONFIGURED, UNSIGNED, BAD_SIGNATURE -> {
                log.warn("SendGrid webhook refused: {}", verdict);
                return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(verdict.name());
            }
            default -> {
                log.warn("SendGrid webhook refused: {}", verdict);
                return ResponseEntity.badRequest().body(verdict.name());
            }
        }
        JsonNode events;
        try {
            events = json.readTree(body);
        } catch (IOException e) {
            return ResponseEntity.badRequest().body("NOT_JSON");
        }
        if (events == null || !events.isArray()) {
            return ResponseEntity.badRequest().body("NOT_AN_EVENT_LIST");
        }
        int undeliverable = 0;
        for (JsonNode event : events) {
            boolean reported = feedback.record(new EmailDeliveryFeedback.Event(text(event, "sg_event_id"),
                    text(event, "event"), text(event, "onboarding_id"), text(event, "step"), text(event, "reason"),
                    event.hasNonNull("timestamp") ? event.get("timestamp").asLong() : null));
            undeliverable += reported ? 1 : 0;
        }
        return ResponseEntity.ok("received " + events.size() + ", undeliverable " + undeliverable);
    }

    private static String text(JsonNode event, String field) {
        return event.hasNonNull(field) ? event.get(field).asText() : null;
    }
}
