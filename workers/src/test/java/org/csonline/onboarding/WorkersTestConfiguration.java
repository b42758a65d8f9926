package org.csonline.onboarding;

import java.time.Duration;
import org.csonline.onboarding.process.ProcessProperties;
import org.csonline.onboarding.support.CouncilProperties;
import org.csonline.onboarding.support.MutableClock;
import org.csonline.onboarding.support.SecurityProperties;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.context.annotation.Bean;

/** What service tests share: the default limits, the council, and a clock the test moves. */
@SpringBootConfiguration
public class WorkersTestConfiguration {

    @Bean
    MutableClock clock() {
        return new MutableClock();
    }

    @Bean
    SecurityProperties securityProperties() {
        return new SecurityProperties("test-key", 8, 3, Duration.ofDays(28), Duration.ofMinutes(30), 5, 5,
                Duration.ofMinutes(10), 5, 5);
    }

    @Bean
    CouncilProperties councilProperties() {
        return new CouncilProperties("Norfolk County Council", "My Norfolk", "Children's Services Online",
                "https://example.test");
    }

    @Bean
    ProcessProperties processProperties() {
        return new ProcessProperties(Duration.ofDays(2), Duration.ofDays(28), Duration.ofDays(3), Duration.ofHours(1),
                Duration.ofDays(3), Duration.ofDays(7), Duration.ofHours(24));
    }
}
