package org.csonline.onboarding.engine;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The local profile's memory warning (see docs/performance.md for how the figure per journey was measured).
 *
 * @param bytesPerJourney heap the embedded engine and the app keep per whole journey, for the "holds about N journeys"
 *                        figure
 * @param warnAtShare     share of the long-lived heap still in use after a collection at which the app warns
 */
@ConfigurationProperties("cso.engine.memory")
record EngineMemoryProperties(long bytesPerJourney, double warnAtShare) {

    EngineMemoryProperties {
        bytesPerJourney = bytesPerJourney <= 0 ? 512 * 1024 : bytesPerJourney;
        warnAtShare = warnAtShare <= 0 || warnAtShare >= 1 ? 0.7 : warnAtShare;
    }
}
