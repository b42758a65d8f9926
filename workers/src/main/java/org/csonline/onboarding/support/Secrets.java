package org.csonline.onboarding.support;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Makes codes and tokens, and hashes them before they are stored. Short codes are hashed with a keyed HMAC
 * so a copy of the database alone cannot be brute-forced back into codes.
 */
@Component
public class Secrets {

    private static final Logger log = LoggerFactory.getLogger(Secrets.class);
    /** No 0/O, 1/I/L: the setup code is read out over the phone. */
    static final String READABLE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    private final SecureRandom random = new SecureRandom();
    private final SecretKeySpec key;

    /**
     * Outside the local profile the key is required: a random one would make every stored setup code, invitation
     * link and session token useless after a restart (or on a second instance).
     */
    @Autowired
    public Secrets(SecurityProperties properties, Environment environment) {
        this(requiredOutsideLocal(properties, environment));
    }

    /** With no key: a random one for this run (the local profile, and tests). */
    public Secrets(SecurityProperties properties) {
        byte[] keyBytes;
        if (properties.codeHashKey() == null || properties.codeHashKey().isBlank()) {
            keyBytes = new byte[32];
            random.nextBytes(keyBytes);
            log.warn("cso.security.code-hash-key is not set: using a random key, so codes stored before a restart "
                    + "will not match after it (local profile only).");
        } else {
            keyBytes = properties.codeHashKey().getBytes(StandardCharsets.UTF_8);
        }
        this.key = new SecretKeySpec(keyBytes, "HmacSHA256");
    }

    private static SecurityProperties requiredOutsideLocal(SecurityProperties properties, Environment environment) {
        boolean missing = properties.codeHashKey() == null || properties.codeHashKey().isBlank();
        if (missing && !Profiles.local(environment)) {
            throw new IllegalStateException("CSO_SECURITY_CODE_HASH_KEY (cso.security.code-hash-key) is not set. Outside "
                    + "the local profile it is required: codes and links are stored as HMACs under this key, and a "
                    + "random key per start would break them at every restart. Set it to a long random secret, "
                    + "for example the output of: openssl rand -base64 48");
        }
        return properties;
    }

    public String numericCode(int digits) {
        StringBuilder code = new StringBuilder(digits);
        for (int i = 0; i < digits; i++) {
            code.append(random.nextInt(10));
        }
        return code.toString();
    }

    public String readableCode(int length) {
        StringBuilder code = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            code.append(READABLE_ALPHABET.charAt(random.nextInt(READABLE_ALPHABET.length())));
        }
        return code.toString();
    }

    /** A 256-bit URL-safe token. */
    public String token() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public String hash(String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    public boolean matches(String secret, String storedHash) {
        if (secret == null || storedHash == null) {
            return false;
        }
        return MessageDigest.isEqual(hash(secret).getBytes(StandardCharsets.US_ASCII),
                storedHash.getBytes(StandardCharsets.US_ASCII));
    }

    /** What people type: spaces and hyphens removed, letters upper-cased. */
    public static String normaliseCode(String typed) {
        return typed == null ? "" : typed.replaceAll("[\\s\\-]", "").toUpperCase(java.util.Locale.ROOT);
    }
}
