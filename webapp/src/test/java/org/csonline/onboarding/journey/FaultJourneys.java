package org.csonline.onboarding.journey;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.csonline.onboarding.journey.Browser.Page;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Whole journeys for the fault tests, driven over HTTP as people would drive them while something fails: each action
 * is repeated until the database shows it took effect (a person presses again after an error page), every wait is
 * bounded by one deadline, and what the people saw is counted: error pages, "try again shortly" pages (503), failed
 * connections, and how long a journey waited past the moment the fault ended. Emails and codes are read from the
 * local outbox table (the camunda profile without provider keys uses it).
 */
final class FaultJourneys {

    enum Stage { NEW, STARTED, CONFIRMED, INVITED, EMAIL_VERIFIED, DETAILS, PHONE_1, PHONE_2, SUBMITTED, APPROVED,
        ACTIVATED }

    // Parts of the email subjects that JSON carries as they are.
    static final String SETUP = "Set up your Children";
    static final String INVITATION = "Account Invitation";
    static final String EMAIL_CODE = "account verification code";
    static final String ACTIVATION = "Online activation";
    private static final String PASSWORD = "correct horse battery";
    private static final Duration PAUSE = Duration.ofMillis(400);

    private final String base;
    private final JdbcClient db;
    private final FaultStack providers;
    private final long deadline;
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final AtomicInteger errorPages = new AtomicInteger();
    private final AtomicInteger tryAgainPages = new AtomicInteger();
    private final AtomicInteger failedConnections = new AtomicInteger();
    private final AtomicLong longestRecoveryMillis = new AtomicLong();
    private final Map<String, AtomicInteger> errors = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile long faultEndedAt;

    FaultJourneys(String base, FaultStack stack, Duration budget) {
        this.base = base;
        this.db = stack.jdbc();
        this.providers = stack;
        this.deadline = System.nanoTime() + budget.toNanos();
    }

    List<Journey> journeys(int count) {
        List<Journey> journeys = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            journeys.add(new Journey(i));
        }
        return journeys;
    }

    /** Runs every journey to {@code stage} side by side, starting them {@code stagger} apart; bounded by the deadline. */
    void runAll(List<Journey> journeys, Stage stage, Duration stagger) {
        ExecutorService pool = Executors.newFixedThreadPool(journeys.size());
        try {
            List<Future<?>> running = new ArrayList<>();
            for (Journey journey : journeys) {
                running.add(pool.submit(() -> journey.runTo(stage)));
                sleep(stagger);
            }
            for (Future<?> future : running) {
                try {
                    future.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (Exception e) {
                    future.cancel(true);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** The fault is over: waits that end later count towards the longest recovery. */
    void faultEnded() {
        faultEndedAt = System.nanoTime();
    }

    Figures figures(List<Journey> journeys) {
        int completed = (int) journeys.stream().filter(j -> j.stage == Stage.ACTIVATED).count();
        int duplicates = journeys.stream().mapToInt(Journey::duplicates).sum();
        return new Figures(journeys.size(), completed, duplicates, errorPages.get(), tryAgainPages.get(),
                failedConnections.get(), longestRecoveryMillis.get() / 1000.0,
                journeys.stream().filter(j -> j.stage != Stage.ACTIVATED).map(Journey::whereItStopped).toList(),
                journeys.stream().filter(j -> j.duplicates() > 0).map(j -> j.email + " " + j.duplicated()).toList(),
                errors.entrySet().stream().map(e -> e.getValue() + " x " + e.getKey()).sorted().toList());
    }

    /** What a fault test prints and asserts on. */
    record Figures(int journeys, int completed, int duplicates, int errorPages, int tryAgainPages,
            int failedConnections, double longestRecoverySeconds, List<String> unfinished, List<String> duplicated,
            List<String> errors) {

        String line(String test) {
            return String.format("%s: journeys=%d completed=%d duplicates=%d errorPages=%d tryAgainPages=%d "
                            + "failedConnections=%d longestRecovery=%.1fs%s%s%s", test, journeys, completed, duplicates,
                    errorPages, tryAgainPages, failedConnections, longestRecoverySeconds,
                    unfinished.isEmpty() ? "" : " unfinished=" + unfinished,
                    duplicated.isEmpty() ? "" : " duplicated=" + duplicated,
                    errors.isEmpty() ? "" : " errors=" + errors.subList(0, Math.min(5, errors.size())));
        }
    }

    final class Journey {
        final String email;
        final String recordName;
        final String reference;
        final String mobile;
        final String e164;
        volatile Stage stage = Stage.NEW;
        private Browser applicant;
        private UUID onboarding;

        Journey(int n) {
            email = "fault-" + run + "-" + n + "@example.org";
            recordName = "Record " + run + " " + n;
            reference = "CR-" + run + "-" + n;
            String digits = String.format("%06d", Math.abs((run + n).hashCode()) % 1_000_000);
            mobile = "07400 " + digits;
            e164 = "+447400" + digits;
        }

        void runTo(Stage target) {
            while (stage.compareTo(target) < 0) {
                Stage next = Stage.values()[stage.ordinal() + 1];
                step(next);
                stage = next;
            }
        }

        private void step(Stage next) {
            switch (next) {
                case NEW -> { }
                case STARTED -> start();
                case CONFIRMED -> confirmSetupCode();
                case INVITED -> acceptInvitation();
                case EMAIL_VERIFIED -> verifyEmail();
                case DETAILS -> act("account details", () -> has("select count(*) from signup where onboarding_id = ? "
                        + "and password_hash is not null"), () -> submitOn(applicant, "/signup/details",
                        "Create", Map.of("givenName", "Sam", "surname", "Fault", "newPassword", PASSWORD,
                                "confirmNewPassword", PASSWORD)));
                case PHONE_1 -> phoneRound(1);
                case PHONE_2 -> phoneRound(2);
                case SUBMITTED -> submitRecord();
                case APPROVED -> approve();
                case ACTIVATED -> await("activation email", () -> outbox("EMAIL", email, ACTIVATION, 1).map(x -> x));
            }
        }

        private void start() {
            Browser staff = caseworker();
            act("start onboarding", () -> onboardingId().isPresent(), () -> submitOn(
                    staff, "/staff/onboardings/new", "Send setup email",
                    Map.of("applicantEmail", email, "recordReference", reference, "recordName", recordName)));
            onboarding = onboardingId().orElseThrow();
        }

        private void confirmSetupCode() {
            String code = find(await("setup email", () -> outbox("EMAIL", email, SETUP, 1)),
                    "setup code is: ([A-Z0-9-]+)");
            act("confirm setup code", () -> has("select count(*) from setup_code where onboarding_id = ? "
                    + "and confirmed_at is not null"), () -> {
                        Browser staff = caseworker();
                        Page page = staff.get("/staff/onboardings/" + onboarding);
                        return page.text().contains("Confirm the setup code")
                                ? staff.submit(page, "Confirm", Map.of("setupCode", code)) : page;
                    });
        }

        private void acceptInvitation() {
            String link = URI.create(find(await("invitation email", () -> outbox("EMAIL", email, INVITATION, 1)),
                    "(http[^\\s\"\\\\<]+/invitation/[^\\s\"\\\\<]+)")).getPath();
            applicant = new Browser(base);
            java.util.concurrent.atomic.AtomicBoolean accepted = new java.util.concurrent.atomic.AtomicBoolean();
            // A "Continue" whose answer was lost may have used the link up: the browser kept its place (the page saves
            // it first), so the applicant carries on from the sign-up page, as the "already used" page's link leads.
            act("accept invitation", () -> accepted.get() || has("select count(*) from invitation where "
                    + "onboarding_id = ? and opened_at is not null") && applicant.get("/signup/email").text()
                    .contains("Send verification code"), () -> {
                Page landing = applicant.get(link);
                if (landing.status() >= 400) {
                    return landing;
                }
                Page next = applicant.submit(landing, "Continue");
                accepted.set(next.status() < 400);
                return next;
            });
        }

        private void verifyEmail() {
            act("request email code", () -> has("select count(*) from email_code where onboarding_id = ?"),
                    () -> submitOn(applicant, "/signup/email", "Send verification code",
                            Map.of("email", email)));
            String code = find(await("email code", () -> outbox("EMAIL", email, EMAIL_CODE, 1)),
                    "verification code is: (\\d{6})");
            act("verify email", () -> has("select count(*) from signup where onboarding_id = ? "
                    + "and email_verified_at is not null"), () -> submitOn(applicant, "/signup/verify",
                    "verify code", Map.of("code", code)));
        }

        private void phoneRound(int round) {
            act("phone code request " + round, () -> count("select count(*) from phone_code_request "
                    + "where onboarding_id = ?") >= round, () -> round == 1
                    ? submitOn(applicant, "/signup/phone", "Send Code", Map.of("phoneNumber", mobile))
                    : submitOn(applicant, "/signup/phone", "Send Code", Map.of()));
            await("text message " + round, () -> outbox("SMS", e164, null, round));
            String code = FaultStack.PHONE_CODE;
            act("phone code " + round, () -> count("select coalesce((select rounds_passed from signup_phone where onboarding_id = ?), 0)")
                    >= round, () -> submitOn(applicant, "/signup/phone/code", "Verify Code",
                    Map.of("code", code)));
        }

        private void submitRecord() {
            act("submit record", () -> has("select count(*) from access_request where onboarding_id = ?"), () -> {
                Page setup = applicant.get("/setup");
                if (!setup.text().contains("Account setup")) {
                    return setup;
                }
                Page popUp = applicant.submit(setup, "Confirm",
                        Map.of("recordSelected", reference, "confirmRecord", "yes"));
                return popUp.text().contains("Submit your request") ? applicant.submit(popUp, "Submit") : popUp;
            });
        }

        private void approve() {
            act("approve", () -> has("select count(*) from access_request where onboarding_id = ? "
                    + "and decision is not null"), () -> {
                        Browser staff = reviewer();
                        Page review = staff.get("/staff/reviews/" + onboarding);
                        return review.text().contains("Approve") ? staff.submit(review, "Approve") : review;
                    });
        }

        private Browser caseworker() {
            return staff("caseworker");
        }

        private Browser reviewer() {
            return staff("reviewer");
        }


        private Optional<UUID> onboardingId() {
            return db.sql("select id from onboarding where applicant_email = ?").param(email).query(UUID.class)
                    .optional();
        }

        private boolean has(String countSql) {
            return count(countSql) > 0;
        }

        private int count(String sql) {
            return db.sql(sql).param(onboarding).query(Integer.class).optional().orElse(0);
        }

        /** For a journey that did not finish: its stage, and the process commands the engine has not acknowledged. */
        String whereItStopped() {
            List<String> unsent = onboarding == null ? List.of() : db.sql("select coalesce(message_name, kind) "
                            + "|| ' tries=' || attempts || ' claimedUntil=' || coalesce(cast(claimed_until as varchar), "
                            + "'-') || ' error=' || coalesce(last_error, '-') from process_command "
                            + "where onboarding_id = ? and status = 'PENDING' order by id")
                    .param(onboarding).query(String.class).list();
            return email + " at " + stage + (unsent.isEmpty() ? "" : " unsent=" + unsent);
        }

        /** Messages beyond those the journey should have had. */
        int duplicates() {
            return duplicated().values().stream().mapToInt(Integer::intValue).sum();
        }

        /** Which messages came more often than they should, and how many times too many. */
        Map<String, Integer> duplicated() {
            Map<String, Integer> extra = new java.util.LinkedHashMap<>();
            extra.put("setup email", sent("EMAIL", email, SETUP) - 1);
            extra.put("invitation email", sent("EMAIL", email, INVITATION) - 1);
            extra.put("email code", sent("EMAIL", email, EMAIL_CODE) - 1);
            extra.put("activation email", sent("EMAIL", email, ACTIVATION) - 1);
            extra.put("phone code", sent("SMS", e164, null) - 2);
            extra.values().removeIf(count -> count <= 0);
            return extra;
        }
    }

    /**
     * One signed-in browser per staff user for every journey, as a caseworker works through many onboardings (and
     * so that 40 sign-ins do not load the machine); signed in again after the app restarted.
     */
    private final Map<String, Browser> staff = new java.util.concurrent.ConcurrentHashMap<>();

    private Browser staff(String username) {
        synchronized (staff) {
            Browser browser = staff.get(username);
            if (browser == null) {
                browser = signIn(username);
                staff.put(username, browser);
            }
            return browser;
        }
    }

    /** Staff sign in again after the app restarted (their sessions lived in the app's memory). */
    void forgetStaffSessions() {
        synchronized (staff) {
            staff.clear();
        }
    }

    private Browser signIn(String username) {
        Browser browser = new Browser(base);
        AtomicInteger tries = new AtomicInteger();
        act("sign in " + username, () -> tries.get() > 0 && browser.get("/staff").text()
                        .contains("Signed in as " + username),
                () -> {
                    tries.incrementAndGet();
                    return submitOn(browser, "/staff/sign-in", "Sign in",
                            Map.of("username", username, "password", "demo"));
                });
        return browser;
    }

    /**
     * The n-th message (1-based) to {@code to}, once the provider has it: an email SendGrid was asked to send (with
     * the subject), or a code Twilio Verify was asked to send by text.
     */
    private Optional<String> outbox(String channel, String to, String subject, int nth) {
        List<String> bodies = requests(channel, to, subject);
        return bodies.size() >= nth ? Optional.of(bodies.get(nth - 1)) : Optional.empty();
    }

    private int sent(String channel, String to, String subject) {
        return requests(channel, to, subject).size();
    }

    private List<String> requests(String channel, String to, String subject) {
        if (channel.equals("EMAIL")) {
            return providers.sendGrid.getAllServeEvents().reversed().stream()
                    .map(event -> event.getRequest().getBodyAsString())
                    .filter(body -> body.contains("\"" + to + "\"") && body.contains(subject)).toList();
        }
        String encoded = "To=" + java.net.URLEncoder.encode(to, java.nio.charset.StandardCharsets.UTF_8);
        return providers.twilio.getAllServeEvents().reversed().stream()
                .filter(event -> event.getRequest().getUrl().endsWith("/Verifications"))
                .map(event -> event.getRequest().getBodyAsString())
                .filter(body -> body.contains(encoded)).toList();
    }

    private static String find(String body, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(body);
        if (!matcher.find()) {
            throw new AssertionError("No " + regex + " in:\n" + body);
        }
        return matcher.group(1);
    }

    /** Opens the page and presses the button on it, unless the page itself was an error page. */
    private static Page submitOn(Browser browser, String path, String button, Map<String, String> fields) {
        Page page = browser.get(path);
        boolean signedOut = page.uri().getPath().equals("/staff/sign-in") && !path.equals("/staff/sign-in");
        return page.status() >= 400 || signedOut ? page : browser.submit(page, button, fields);
    }

    /** Repeats {@code request} until {@code done}, as a person would after an error page or a failed connection. */
    private void act(String what, BooleanSupplier done, Supplier<Page> request) {
        while (!safely(done)) {
            checkDeadline(what);
            attempt(request);
            if (!safely(done)) {
                sleep(PAUSE);
            }
        }
    }

    /** A check that could not be made (the app was away) is not done yet. */
    private static boolean safely(BooleanSupplier done) {
        try {
            return done.getAsBoolean();
        } catch (IllegalStateException e) {
            return false;
        }
    }

    /**
     * One request, counted: an error page, a "try again shortly" page, or no answer at all. Returns null for those:
     * the caller looks at the database before it tries again (the change may have been made after all).
     */
    private Page attempt(Supplier<Page> request) {
        checkDeadline("a page");
        try {
            Page page = request.get();
            if (page != null && page.uri().getPath().equals("/staff/sign-in") && page.uri().getQuery() == null) {
                // The app restarted and forgot the staff session: sign in again, as staff would.
                forgetStaffSessions();
                return page;
            }
            if (page.status() == 503) {
                tryAgainPages.incrementAndGet();
            } else if (page.status() >= 400) {
                errorPages.incrementAndGet();
                note(page.status() + " " + page.uri().getPath());
            } else {
                return page;
            }
        } catch (IllegalStateException e) {
            failedConnections.incrementAndGet();
            note("no answer: " + e.getMessage());
        } catch (AssertionError e) {
            // The page was not the one expected (it moved on, or showed an error): look again.
            note("unexpected page: " + e.getMessage().lines().findFirst().orElse(""));
        }
        return null;
    }

    private void note(String what) {
        errors.computeIfAbsent(what.replaceAll("[0-9a-f-]{36}", "ID"), k -> new AtomicInteger()).incrementAndGet();
    }

    private <T> T await(String what, Supplier<Optional<T>> probe) {
        long started = System.nanoTime();
        while (true) {
            Optional<T> value = probe.get();
            if (value.isPresent()) {
                long ended = faultEndedAt;
                if (ended != 0 && started < ended) {
                    longestRecoveryMillis.accumulateAndGet((System.nanoTime() - ended) / 1_000_000, Math::max);
                }
                return value.get();
            }
            checkDeadline(what);
            sleep(Duration.ofMillis(250));
        }
    }

    private void checkDeadline(String what) {
        if (System.nanoTime() > deadline) {
            throw new IllegalStateException("Deadline passed waiting for " + what);
        }
        if (Thread.currentThread().isInterrupted()) {
            throw new IllegalStateException("Stopped waiting for " + what);
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
