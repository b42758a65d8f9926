package org.csonline.onboarding.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Runs after the process tests (failsafe) and holds their model coverage to the minimums. */
class ModelCoverageIT {

    private static final Pattern LINE = Pattern.compile("(?m)^(flow nodes|sequence flows): (\\d+) of (\\d+) taken");

    @Test
    void processTestsTakeEveryFlowNodeAndNearlyEverySequenceFlow() throws IOException {
        assertThat(ModelCoverage.REPORT).as("written by the process tests").exists();
        String report = Files.readString(ModelCoverage.REPORT);
        var matcher = LINE.matcher(report);
        int lines = 0;
        while (matcher.find()) {
            lines++;
            double share = Double.parseDouble(matcher.group(2)) / Double.parseDouble(matcher.group(3));
            double minimum = matcher.group(1).equals("flow nodes") ? ModelCoverage.MIN_FLOW_NODES : ModelCoverage.MIN_SEQUENCE_FLOWS;
            assertThat(share).as("%s%n%s", matcher.group(1), report).isGreaterThanOrEqualTo(minimum);
        }
        assertThat(lines).isEqualTo(2);
    }
}
