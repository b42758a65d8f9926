package org.csonline.onboarding.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One owner per table: every table is written by one class, in its feature's package; other features call that
 * owner. No class is exempt: retention, which erases an ended onboarding's personal data in every feature, calls an
 * erase method on each owner. Read from the SQL in the sources of this module and the web app.
 */
class TableOwnershipTest {

    private static final Pattern WRITE = Pattern.compile("\"(?:insert into|update|delete from|merge into) (\\w+)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern FROM_OR_JOIN = Pattern.compile("\\b(?:from|join) (\\w+)", Pattern.CASE_INSENSITIVE);

    /** Where each table's owner lives. */
    private static final Map<String, String> OWNER_PACKAGE = Map.ofEntries(
            Map.entry("onboarding", "onboarding/OnboardingRepository"),
            Map.entry("account", "account/AccountRepository"),
            Map.entry("signup", "signup/SignupRepository"),
            Map.entry("setup_code", "invitation/SetupCodeService"),
            Map.entry("invitation", "invitation/InvitationService"),
            Map.entry("email_code", "signup/EmailCodeService"),
            Map.entry("phone_code_request", "signup/PhoneRounds"),
            Map.entry("signup_phone", "signup/SignupPhoneRepository"),
            Map.entry("local_phone_verification", "phone/LocalPhoneVerification"),
            Map.entry("access_request", "access/AccessReviewService"),
            Map.entry("record_access", "access/RecordAccessService"),
            Map.entry("sign_in_failure", "account/SignInLockout"),
            Map.entry("password_reset", "account/PasswordResetService"),
            Map.entry("rate_limit_bucket", "ratelimit/RateLimiter"),
            Map.entry("local_outbox", "outbox/LocalOutbox"),
            Map.entry("audit_event", "audit/AuditLog"));

    /**
     * Read models: classes that only read across features, in one query, for a view of the whole service. Their
     * writes (if any) still follow the one-owner rule.
     */
    private static final Map<String, String> CROSS_FEATURE_READERS = Map.of(
            "recovery/StuckOnboardingCheck", "compares what every feature recorded with the timeline",
            "staff/CaseworkerQueue", "what needs a caseworker now, from every feature",
            "dashboard/DashboardQueries", "the managers' figures",
            "timeline/StepsReached", "the funnel's first time at each step, with the onboarding's start");

    @Test
    void eachTableIsWrittenByOneClassOnly() {
        Map<String, Set<String>> writers = new TreeMap<>();
        sources().forEach((file, text) -> {
            Matcher write = WRITE.matcher(text);
            while (write.find()) {
                writers.computeIfAbsent(write.group(1).toLowerCase(), t -> new TreeSet<>()).add(file);
            }
        });
        assertThat(writers).isNotEmpty();
        writers.forEach((table, classes) -> assertThat(classes).as("classes writing %s", table).hasSize(1));
        OWNER_PACKAGE.forEach((table, owner) -> assertThat(writers.get(table)).as("owner of %s", table)
                .containsExactly(owner));
    }

    @Test
    void noFeatureReadsAnotherFeaturesTableInSql() {
        sources().forEach((file, text) -> {
            if (CROSS_FEATURE_READERS.containsKey(file)) {
                return;
            }
            Matcher read = FROM_OR_JOIN.matcher(text);
            while (read.find()) {
                String owner = OWNER_PACKAGE.get(read.group(1).toLowerCase());
                if (owner != null) {
                    assertThat(packageOf(file)).as("%s reads %s", file, read.group(1)).isEqualTo(packageOf(owner));
                }
            }
        });
    }

    @Test
    void theCrossFeatureClassesStillExist() {
        assertThat(sources()).containsKeys(CROSS_FEATURE_READERS.keySet().toArray(String[]::new));
    }

    private static String packageOf(String file) {
        return file.substring(0, file.lastIndexOf('/'));
    }

    /** Each main source file of the two modules, as "feature/ClassName" to its text. */
    private static Map<String, String> sources() {
        Map<String, String> sources = new TreeMap<>();
        for (Path root : new Path[] {Path.of("src/main/java"), Path.of("../webapp/src/main/java")}) {
            Path base = root.resolve("org/csonline/onboarding");
            try (Stream<Path> files = Files.walk(base)) {
                files.filter(f -> f.toString().endsWith(".java")).forEach(f -> sources.put(
                        base.relativize(f).toString().replace('\\', '/').replace(".java", ""), read(f)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return sources;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
