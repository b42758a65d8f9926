package org.csonline.onboarding.delivery;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * Decides whether a provider is used: all of its settings given, or none (then the local stand-in). Half of them is
 * a mistake: outside the local profile the app refuses to start and names what is missing; in the local profile it
 * says so and uses the stand-in.
 */
public final class ProviderSettings {

    private static final Logger log = LoggerFactory.getLogger(ProviderSettings.class);

    private ProviderSettings() {
    }

    /**
     * @param settings each environment variable name with its value; all must be set for the provider to be used
     * @return whether the provider is fully configured
     */
    public static boolean use(String provider, Map<String, String> settings, Environment environment) {
        List<String> missing = settings.entrySet().stream()
                .filter(e -> e.getValue() == null || e.getValue().isBlank()).map(Map.Entry::getKey).sorted().toList();
        if (missing.isEmpty()) {
            log.info("{} is configured: messages go to {}.", provider, provider);
            return true;
        }
        boolean local = environment.acceptsProfiles(Profiles.of("local"))
                || Arrays.asList(environment.getActiveProfiles()).isEmpty()
                && Arrays.asList(environment.getDefaultProfiles()).contains("local");
        if (missing.size() == settings.size()) {
            if (local) {
                log.info("{} is not configured: messages go to the local outbox.", provider);
            } else {
                log.warn("{} is not configured: messages go to the local outbox and reach nobody. Set {}.", provider,
                        String.join(", ", settings.keySet()));
            }
            return false;
        }
        String message = provider + " is half configured: " + String.join(", ", missing) + " missing. Set all of "
                + String.join(", ", settings.keySet().stream().sorted().toList())
                + ", or none of them to use the local outbox.";
        if (!local) {
            throw new IllegalStateException(message);
        }
        log.warn("{} Using the local outbox (local profile).", message);
        return false;
    }
}
