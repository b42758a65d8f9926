package org.csonline.onboarding.support;

import de.mkammerer.argon2.Argon2;
import de.mkammerer.argon2.Argon2Factory;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Argon2id password hashes for applicants and staff, at OWASP's recommended minimum (19 MiB of memory, 2
 * iterations, parallelism 1, 16-byte salt, 32-byte hash), through the reference C implementation when it loads and
 * Bouncy Castle's pure-Java one otherwise. Both write and read the same standard encoded form
 * ({@code $argon2id$v=19$m=...,t=...,p=...$salt$hash}), so hashes made with earlier parameters, or by the other
 * implementation, still verify: the parameters are read from each hash.
 */
public final class Argon2Passwords implements PasswordEncoder {

    static final int SALT_BYTES = 16;
    static final int HASH_BYTES = 32;
    static final int MEMORY_KIB = 19 * 1024;
    static final int ITERATIONS = 2;
    static final int PARALLELISM = 1;

    private static final Logger log = LoggerFactory.getLogger(Argon2Passwords.class);
    private static final Pattern PARAMETERS = Pattern.compile("^\\$argon2id\\$v=19\\$m=(\\d+),t=(\\d+),p=(\\d+)\\$");

    private final Argon2 nativeArgon2;
    private final PasswordEncoder pureJava = new Argon2PasswordEncoder(SALT_BYTES, HASH_BYTES, PARALLELISM, MEMORY_KIB,
            ITERATIONS);

    private Argon2Passwords(Argon2 nativeArgon2) {
        this.nativeArgon2 = nativeArgon2;
    }

    /** The native implementation when its library loads on this platform, else the pure-Java one (logged). */
    public static Argon2Passwords create() {
        try {
            Argon2 argon2 = Argon2Factory.create(Argon2Factory.Argon2Types.ARGON2id, SALT_BYTES, HASH_BYTES);
            argon2.hash(1, 8, 1, new char[] {'x'});
            return new Argon2Passwords(argon2);
        } catch (LinkageError | RuntimeException e) {
            log.warn("The native Argon2 library did not load ({}); hashing passwords in pure Java, several times slower",
                    e.toString());
            return new Argon2Passwords(null);
        }
    }

    static Argon2Passwords pureJava() {
        return new Argon2Passwords(null);
    }

    boolean isNative() {
        return nativeArgon2 != null;
    }

    @Override
    public String encode(CharSequence rawPassword) {
        if (nativeArgon2 == null) {
            return pureJava.encode(rawPassword);
        }
        char[] password = rawPassword.toString().toCharArray();
        try {
            return nativeArgon2.hash(ITERATIONS, MEMORY_KIB, PARALLELISM, password);
        } finally {
            nativeArgon2.wipeArray(password);
        }
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        if (encodedPassword == null || !encodedPassword.startsWith("$argon2id$")) {
            return false;
        }
        if (nativeArgon2 == null) {
            return pureJava.matches(rawPassword, encodedPassword);
        }
        char[] password = rawPassword.toString().toCharArray();
        try {
            return nativeArgon2.verify(encodedPassword, password);
        } finally {
            nativeArgon2.wipeArray(password);
        }
    }

    /** A hash made with other parameters (for example Spring's older defaults, 16 MiB) is due for re-hashing. */
    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        Matcher parameters = PARAMETERS.matcher(encodedPassword == null ? "" : encodedPassword);
        return !parameters.find() || Integer.parseInt(parameters.group(1)) != MEMORY_KIB
                || Integer.parseInt(parameters.group(2)) != ITERATIONS
                || Integer.parseInt(parameters.group(3)) != PARALLELISM;
    }
}
