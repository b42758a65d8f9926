package org.csonline.onboarding.process;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Writes target/model-coverage.txt and prints it when the test run ends (registered in
 * META-INF/services). ModelCoverageIT then holds the run to the minimums.
 */
public final class ModelCoverageReport implements LauncherSessionListener {

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (!ModelCoverage.anything()) {
            return;
        }
        String report = ModelCoverage.report();
        ModelCoverage.write(report);
        System.out.println();
        System.out.print(report);
    }
}
