package org.csonline.onboarding.support;

import java.util.Arrays;
import org.springframework.core.env.Environment;

/** Which of our runtimes this is: only the local profile may use stand-ins for providers and keys. */
public final class Profiles {

    private Profiles() {
    }

    /** The local profile is active, named or as the default when no profile is named. */
    public static boolean local(Environment environment) {
        return environment.acceptsProfiles(org.springframework.core.env.Profiles.of("local"))
                || environment.getActiveProfiles().length == 0
                && Arrays.asList(environment.getDefaultProfiles()).contains("local");
    }
}
