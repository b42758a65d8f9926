package org.csonline.onboarding.benchmark;

import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.bodyString;
import static io.gatling.javaapi.core.CoreDsl.css;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.core.CoreDsl.substring;
import static io.gatling.javaapi.http.HttpDsl.Cookie;
import static io.gatling.javaapi.http.HttpDsl.addCookie;
import static io.gatling.javaapi.http.HttpDsl.currentLocationRegex;
import static io.gatling.javaapi.http.HttpDsl.flushCookieJar;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.CheckBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.net.HttpCookie;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One whole journey as people make it, over HTTP: the caseworker starts it on the staff pages and confirms the setup
 * code the applicant reads from the setup email; the applicant accepts the invitation, signs up (email and its
 * code, details, two phone rounds: a text, then a call), confirms the record and submits; the reviewer approves;
 * the activation email arrives. Codes and links are read from the local outbox ({@code /dev/outbox}, JSON).
 */
final class Journey {

    static final String SETUP_SUBJECT = "Set up your Children's Services Online Account";
    static final String INVITATION_SUBJECT = "Accept Children's Services Online Account Invitation";
    static final String EMAIL_CODE_SUBJECT = "Norfolk County Council account verification code";
    static final String ACTIVATION_SUBJECT = "New Children's Services Online activation";
    static final String PASSWORD = "correct horse battery";

    /** Outbox polls and staff-page polls give up after this many tries, 100 ms apart: a failed journey. */
    private static final int MAX_POLLS = 300;
    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);
    /** How long one read of the outbox may wait in the app for the message (the outbox's {@code wait}). */
    private static final Duration OUTBOX_WAIT = Duration.ofSeconds(10);
    /** Reads of the outbox for one message before the journey fails: two minutes of waits. */
    private static final int MAX_OUTBOX_READS = 12;

    private static final AtomicLong NUMBERS = new AtomicLong();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Figures figures;
    /**
     * Signed-in staff sessions (caseworker, reviewer), one pair per journey in flight: staff stay signed in across
     * journeys, as they do at work, but two journeys never share a session (pages keep flash messages in it).
     */
    private final Queue<HttpCookie[]> staffSessions = new ConcurrentLinkedQueue<>();
    private volatile Supplier<HttpCookie[]> signIn;

    Journey(Figures figures) {
        this.figures = figures;
    }

    /** Signs in {@code pairs} caseworker and reviewer sessions now, and more later when journeys need them. */
    void staffSignIn(Supplier<HttpCookie[]> signInPair, int pairs) {
        this.signIn = signInPair;
        for (int i = 0; i < pairs; i++) {
            staffSessions.add(signInPair.get());
        }
    }

    /** The journey; {@code measured} says whether its figures count (warm-up journeys do not). */
    ChainBuilder chain(boolean measured) {
        return exec(session -> begin(session, measured))
                .exitBlockOnFail().on(caseworkerInvites().exec(applicantSignsUp()).exec(reviewerApproves()))
                .exec(session -> {
                    if (session.getBoolean("measured")) {
                        figures.journeyEnded(!session.isFailed());
                    }
                    staffSessions.add(session.get("staff"));
                    return session;
                })
                // a failed journey waits a moment, so a broken app is not hammered with thousands of journeys
                .doIf(Session::isFailed).then(pause(Duration.ofSeconds(1)))
                .exec(Session::markAsSucceeded);
    }

    private Session begin(Session session, boolean measured) {
        long n = NUMBERS.incrementAndGet();
        HttpCookie[] borrowed = staffSessions.poll();
        HttpCookie[] staff = borrowed != null ? borrowed : signIn.get();
        String digits = String.format("%06d", n % 1_000_000);
        return session.set("measured", measured)
                .set("email", "applicant-" + n + "@bench.example.org")
                .set("mobile", "07400 " + digits)
                .set("e164", "+447400" + digits)
                .set("recordName", "Bench Child " + n)
                .set("reference", "CR-B" + n)
                .set("staff", staff)
                .set("sessionCookie", staff[0].getName())
                .set("caseworkerSession", staff[0].getValue())
                .set("reviewerSession", staff[1].getValue());
    }

    private ChainBuilder caseworkerInvites() {
        return exec(flushCookieJar(), staffCookie("#{caseworkerSession}"))
                .exec(page("GET /staff/onboardings/new", http("GET /staff/onboardings/new").get("/staff/onboardings/new")))
                .exec(stamp())
                .exec(page("POST /staff/onboardings", http("POST /staff/onboardings").post("/staff/onboardings")
                        .formParam("applicantEmail", "#{email}").formParam("recordReference", "#{reference}")
                        .formParam("recordName", "#{recordName}").formParam("_csrf", "#{csrf}")
                        .check(currentLocationRegex("/staff/onboardings/([0-9a-f-]{36})").saveAs("onboardingId"))))
                .exec(awaitOutbox("setup email", "#{email}", "email", SETUP_SUBJECT, "setup code is: ([A-Z0-9-]+)", "setupCode"))
                .exec(pollPage("GET /staff/onboardings/{id}", "/staff/onboardings/#{onboardingId}",
                        session -> "Confirm the setup code"))
                .exec(stamp())
                .exec(page("POST /staff/onboardings/{id}/setup-code", http("POST /staff/onboardings/{id}/setup-code")
                        .post("/staff/onboardings/#{onboardingId}/setup-code")
                        .formParam("setupCode", "#{setupCode}").formParam("_csrf", "#{csrf}")
                        .check(substring("Setup code confirmed"))))
                .exec(awaitOutbox("invitation email", "#{email}", "email", INVITATION_SUBJECT,
                        "(http\\S+/invitation/[A-Za-z0-9_-]+)", "invitationLink"))
                .exec(session -> session.set("invitationPath", URI.create(session.getString("invitationLink")).getPath()));
    }

    private ChainBuilder applicantSignsUp() {
        return exec(flushCookieJar())
                .exec(page("GET /invitation/{token}", http("GET /invitation/{token}").get("#{invitationPath}")
                        .check(substring("Accept your invitation"))))
                .exec(page("POST /invitation/{token}", http("POST /invitation/{token}").post("#{invitationPath}")
                        .formParam("_csrf", "#{csrf}").check(substring("Sign up now"))))
                .exec(page("GET /signup/email", http("GET /signup/email").get("/signup/email")))
                .exec(stamp())
                .exec(page("POST /signup/email", http("POST /signup/email").post("/signup/email")
                        .formParam("email", "#{email}").formParam("_csrf", "#{csrf}").check(substring("Check your email"))))
                .exec(awaitOutbox("email code", "#{email}", "email", EMAIL_CODE_SUBJECT, "verification code is: (\\d{6})", "emailCode"))
                .exec(page("POST /signup/verify", http("POST /signup/verify").post("/signup/verify")
                        .formParam("code", "#{emailCode}").formParam("_csrf", "#{csrf}")
                        .check(substring("Your email address has now been verified"))))
                .exec(page("GET /signup/details", http("GET /signup/details").get("/signup/details")))
                .exec(page("POST /signup/details", http("POST /signup/details").post("/signup/details")
                        .formParam("givenName", "Sam").formParam("surname", "Bench")
                        .formParam("newPassword", PASSWORD).formParam("confirmNewPassword", PASSWORD)
                        .formParam("_csrf", "#{csrf}").check(substring("Register your phone"))))
                .exec(stamp())
                .exec(page("POST /signup/phone", http("POST /signup/phone").post("/signup/phone")
                        .formParam("phoneNumber", "#{mobile}").formParam("channel", "sms").formParam("_csrf", "#{csrf}")
                        .check(substring("Enter the code"))))
                .exec(awaitOutbox("text code", "#{e164}", "sms", null, "code is (\\d{6})", "smsCode"))
                .exec(page("POST /signup/phone/code", http("POST /signup/phone/code").post("/signup/phone/code")
                        .formParam("code", "#{smsCode}").formParam("_csrf", "#{csrf}")
                        .check(substring("Confirm your phone number once more"))))
                .exec(stamp())
                .exec(page("POST /signup/phone/again", http("POST /signup/phone/again").post("/signup/phone/again")
                        .formParam("channel", "call").formParam("_csrf", "#{csrf}").check(substring("Enter the code"))))
                .exec(awaitOutbox("call code", "#{e164}", "call", null, "code is ((?:\\d, ){5}\\d)", "callCode"))
                .exec(session -> session.set("callCode", session.getString("callCode").replace(", ", "")))
                .exec(page("POST /signup/phone/code", http("POST /signup/phone/code").post("/signup/phone/code")
                        .formParam("code", "#{callCode}").formParam("_csrf", "#{csrf}")
                        .check(substring("Account setup"), css("#recordSelected", "value").saveAs("recordSelected"))))
                .exec(page("POST /setup", http("POST /setup").post("/setup")
                        .formParam("recordSelected", "#{recordSelected}").formParam("confirmRecord", "yes")
                        .formParam("_csrf", "#{csrf}").check(substring("Submit your request"))))
                .exec(page("POST /setup/submit", http("POST /setup/submit").post("/setup/submit")
                        .formParam("_csrf", "#{csrf}").check(substring("You have been signed out"))));
    }

    private ChainBuilder reviewerApproves() {
        return exec(flushCookieJar(), staffCookie("#{reviewerSession}"))
                .exec(pollPage("GET /staff/reviews", "/staff/reviews",
                        session -> "/staff/reviews/" + session.getString("onboardingId")))
                .exec(page("GET /staff/reviews/{id}", http("GET /staff/reviews/{id}").get("/staff/reviews/#{onboardingId}")))
                .exec(stamp())
                .exec(page("POST /staff/reviews/{id}", http("POST /staff/reviews/{id}").post("/staff/reviews/#{onboardingId}")
                        .formParam("decision", "approve").formParam("_csrf", "#{csrf}").check(substring("Access approved"))))
                .exec(awaitOutbox("activation email", "#{email}", "email", ACTIVATION_SUBJECT, "(/sign-in)", "activation"));
    }

    private static io.gatling.javaapi.core.ActionBuilder staffCookie(String value) {
        return addCookie(Cookie("#{sessionCookie}", value).withDomain("127.0.0.1").withPath("/"));
    }

    /** Marks when the user pressed the button that asks for a message, for the code-to-outbox latency. */
    private static ChainBuilder stamp() {
        return exec(session -> session.set("requestedAt", System.currentTimeMillis()));
    }

    /**
     * A page as the user waits for it: the request and the redirects it follows. Every page is checked for a 200 and
     * gives the form's CSRF token to the next request.
     */
    private ChainBuilder page(String name, HttpRequestActionBuilder request) {
        return exec(session -> session.set("pageStart", System.nanoTime()))
                .exec(request.check(status().is(200), csrf()))
                .exec(session -> {
                    if (session.getBoolean("measured") && !session.isFailed()) {
                        figures.page(name, (System.nanoTime() - session.getLong("pageStart")) / 1_000_000);
                    }
                    return session;
                });
    }

    private static CheckBuilder.Final csrf() {
        return css("input[name='_csrf']", "value").optional().saveAs("csrf");
    }

    /** Reloads a staff page until it shows what the next step needs (the process works in the background). */
    private ChainBuilder pollPage(String name, String path, Function<Session, String> expected) {
        return exec(session -> session.set("polls", 0).set("shown", false))
                .asLongAs(session -> !session.getBoolean("shown") && session.getInt("polls") < MAX_POLLS).on(
                        exec(page(name, http(name).get(path).check(bodyString().saveAs("body"))))
                                .exec(session -> session.set("polls", session.getInt("polls") + 1)
                                        .set("shown", session.getString("body").contains(expected.apply(session))))
                                .doIf(session -> !session.getBoolean("shown")).then(pause(POLL_INTERVAL)))
                .exec(session -> session.getBoolean("shown") ? session : session.markAsFailed());
    }

    /**
     * Reads the outbox (only the messages to this recipient, sent since the request that asked for one) until the
     * expected message is there, and records the time from that request to its arrival in the outbox. Each read waits
     * in the app for the first such message, so a message costs about one request, not a poll every 100 ms (which
     * made two thirds of the app's requests); a read that brings only other messages is made again for what came
     * after them.
     */
    private ChainBuilder awaitOutbox(String what, String recipient, String channel, String subject, String pattern,
            String saveAs) {
        Pattern regex = Pattern.compile(pattern);
        return exec(session -> session.remove(saveAs).set("polls", 0)
                        .set("outboxSince", Instant.ofEpochMilli(session.getLong("requestedAt")).toString()))
                .asLongAs(session -> !session.contains(saveAs) && session.getInt("polls") < MAX_OUTBOX_READS).on(
                        exec(http("GET /dev/outbox").get("/dev/outbox").queryParam("to", recipient)
                                .queryParam("since", "#{outboxSince}")
                                .queryParam("wait", OUTBOX_WAIT.toString())
                                .header("Accept", "application/json").check(status().is(200), bodyString().saveAs("outbox")))
                                .exec(session -> found(session.set("polls", session.getInt("polls") + 1), what, channel,
                                        subject, regex, saveAs))
                                .doIf(session -> !session.contains(saveAs)).then(pause(POLL_INTERVAL)))
                .exec(session -> session.contains(saveAs) ? session : session.markAsFailed());
    }

    private Session found(Session session, String what, String channel, String subject, Pattern regex, String saveAs) {
        try {
            JsonNode messages = JSON.readTree(session.getString("outbox"));
            for (JsonNode message : messages) {
                if (!message.path("channel").asText().equals(channel)
                        || subject != null && !subject.equals(message.path("subject").asText())) {
                    continue;
                }
                Matcher matcher = regex.matcher(message.path("body").asText());
                if (matcher.find()) {
                    if (session.getBoolean("measured")) {
                        long sentAt = Instant.parse(message.path("sentAt").asText()).toEpochMilli();
                        figures.delivery(what, sentAt - session.getLong("requestedAt"));
                    }
                    return session.set(saveAs, matcher.group(1));
                }
            }
            // only other messages (newest first): the next read starts after them
            return messages.isEmpty() ? session : session.set("outboxSince",
                    Instant.parse(messages.get(0).path("sentAt").asText()).plusNanos(1000).toString());
        } catch (java.io.IOException e) {
            return session.markAsFailed();
        }
    }
}
