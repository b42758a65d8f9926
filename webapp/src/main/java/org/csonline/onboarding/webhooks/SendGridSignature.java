package org.csonline.onboarding.webhooks;

import com.sendgrid.helpers.eventwebhook.EventWebhook;
import java.security.GeneralSecurityException;
import java.security.Security;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.csonline.onboarding.email.SendGridProperties;
import org.springframework.stereotype.Component;

/**
 * Checks SendGrid's signed event webhook: an ECDSA (P-256, SHA-256) signature over the timestamp header followed by
 * the raw body, with the public key from the SendGrid console, through sendgrid-java's own {@link EventWebhook}.
 */
@Component
class SendGridSignature {

    /** What a request turned out to be. */
    enum Verdict { VALID, NOT_CONFIGURED, UNSIGNED, BAD_SIGNATURE, BAD_TIMESTAMP, STALE }

    private final ECPublicKey key;
    private final Duration maxAge;
    private final Clock clock;

    SendGridSignature(SendGridProperties properties, Clock clock) {
        this.clock = clock;
        this.maxAge = properties.webhookMaxAge();
        this.key = publicKey(properties.webhookPublicKey());
    }

    Verdict verify(String signature, String timestamp, byte[] body) {
        if (key == null) {
            return Verdict.NOT_CONFIGURED;
        }
        if (signature == null || signature.isBlank() || timestamp == null || timestamp.isBlank()) {
            return Verdict.UNSIGNED;
        }
        try {
            if (!new EventWebhook().VerifySignature(key, body == null ? new byte[0] : body, signature, timestamp)) {
                return Verdict.BAD_SIGNATURE;
            }
        } catch (GeneralSecurityException | java.io.IOException | IllegalArgumentException e) {
            return Verdict.BAD_SIGNATURE;
        }
        Instant signedAt;
        try {
            signedAt = Instant.ofEpochSecond(Long.parseLong(timestamp.strip()));
        } catch (NumberFormatException e) {
            return Verdict.BAD_TIMESTAMP;
        }
        Duration age = Duration.between(signedAt, clock.instant()).abs();
        return age.compareTo(maxAge) > 0 ? Verdict.STALE : Verdict.VALID;
    }

    private static ECPublicKey publicKey(String base64) {
        if (base64 == null || base64.isBlank()) {
            return null;
        }
        if (Security.getProvider(BouncyCastleProvider.PROVIDER_NAME) == null) {
            Security.addProvider(new BouncyCastleProvider());
        }
        try {
            return new EventWebhook().ConvertPublicKeyToECDSA(base64.strip());
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("SENDGRID_WEBHOOK_PUBLIC_KEY is not a base64 ECDSA public key", e);
        }
    }
}
