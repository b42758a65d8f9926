package org.csonline.onboarding.delivery;

import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.csonline.onboarding.support.Profiles;
import org.springframework.core.env.Environment;

/**
 * Decides whether a provider is used: all of its settings given, or none (then the local stand-in). Outside the local
 * profile the stand-in is a mistake (its outbox page exists only in the local profile, so messages would reach nobody):
 * the app refuses to start and names what is missing. In the local profile half a provider is said and ignored.
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
        boolean local = Profiles.local(environment);
        if (missing.size() == settings.size()) {
            if (!local) {
                throw new IllegalStateException(provider + " is not configured, and outside the local profile nobody "
                        + "could read what goes to the local outbox. Set "
                        + String.join(", ", settings.keySet().stream().sorted().toList()) + ".");
            }
            log.info("{} is not configured: messages go to the local outbox.", provider);
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
