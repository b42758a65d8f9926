package org.csonline.onboarding.progress;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.UUID;
import org.csonline.onboarding.support.CouncilProperties;
import org.csonline.onboarding.support.Secrets;
import org.springframework.stereotype.Component;

/**
 * The "where am I" link in every email: the onboarding's id signed with the service's HMAC key, so the link cannot
 * be guessed or changed to another onboarding's, and needs no table. The page it opens shows no personal data.
 */
@Component
public class ProgressLinks {

    private static final int SIGNATURE_HEX = 32;

    private final Secrets secrets;
    private final CouncilProperties council;

    public ProgressLinks(Secrets secrets, CouncilProperties council) {
        this.secrets = secrets;
        this.council = council;
    }

    public String linkFor(UUID onboardingId) {
        return council.baseUrl() + "/progress/" + token(onboardingId);
    }

    public String token(UUID onboardingId) {
        String id = onboardingId.toString().replace("-", "");
        return id + signature(id);
    }

    /** The onboarding a token names, when its signature is right. */
    public Optional<UUID> onboardingFor(String token) {
        if (token == null || token.length() != 32 + SIGNATURE_HEX || !token.matches("[0-9a-f]+")) {
            return Optional.empty();
        }
        String id = token.substring(0, 32);
        byte[] expected = signature(id).getBytes(StandardCharsets.US_ASCII);
        byte[] given = token.substring(32).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, given)) {
            return Optional.empty();
        }
        return Optional.of(UUID.fromString(id.replaceFirst("(.{8})(.{4})(.{4})(.{4})(.{12})", "$1-$2-$3-$4-$5")));
    }

    private String signature(String id) {
        return secrets.hash("progress:" + id).substring(0, SIGNATURE_HEX);
    }
}
