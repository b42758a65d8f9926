package org.csonline.onboarding.journey;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads /dev/outbox as JSON, the way a person would read their inbox or phone. */
final class Outbox {

    record Message(String channel, String to, String subject, String body, Instant sentAt) {

        String find(String regex) {
            Matcher matcher = Pattern.compile(regex).matcher(body);
            if (!matcher.find()) {
                throw new AssertionError("No match for " + regex + " in:\n" + body);
            }
            return matcher.group(1);
        }
    }

    private final Browser browser;
    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules();

    Outbox(Browser browser) {
        this.browser = browser;
    }

    List<Message> messages() {
        try {
            return json.readValue(browser.getJson("/dev/outbox"), new TypeReference<>() { });
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * One recipient's messages from {@code since} on, the app waiting up to {@code wait} for the first (the benchmark
     * reads codes this way).
     */
    List<Message> since(String to, Instant since, Duration wait) {
        try {
            return json.readValue(browser.getJson("/dev/outbox?to=" + java.net.URLEncoder.encode(to,
                    java.nio.charset.StandardCharsets.UTF_8) + "&since=" + since + "&wait=" + wait), new TypeReference<>() { });
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits for the first message (newest first) that matches and was not seen before. */
    Message await(String description, Predicate<Message> wanted, int alreadySeen) {
        return Eventually.value(description, () -> {
            List<Message> matching = messages().stream().filter(wanted).toList();
            return matching.size() > alreadySeen ? Optional.of(matching.getFirst()) : Optional.empty();
        });
    }

    int count(Predicate<Message> wanted) {
        return (int) messages().stream().filter(wanted).count();
    }

    static Predicate<Message> email(String to, String subject) {
        return m -> m.channel().equals("email") && m.to().equals(to) && subject.equals(m.subject());
    }

    static Predicate<Message> phone(String channel, String to) {
        return m -> m.channel().equals(channel) && m.to().equals(to);
    }

    static final Duration TIMEOUT = Duration.ofSeconds(30);
}
