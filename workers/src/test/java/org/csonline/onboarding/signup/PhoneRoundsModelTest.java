package org.csonline.onboarding.signup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The rounds a new applicant passes are counted in one place in code; the model's gateway must agree with it. */
class PhoneRoundsModelTest {

    private static final Pattern ROUNDS_CONDITION = Pattern.compile("=phoneVerifications &gt;= (\\d+)<");

    @Test
    void theModelAsksForTheRoundsTheAccountIsActivatedWith() throws IOException {
        String model = Files.readString(Path.of("../bpmn/cso-onboarding.bpmn"));
        List<Integer> asked = ROUNDS_CONDITION.matcher(model).results().map(m -> Integer.parseInt(m.group(1)))
                .toList();

        assertThat(asked).as("the model's conditions on phoneVerifications").containsExactly(PhoneRounds.REQUIRED);
    }
}
