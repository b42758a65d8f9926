package org.csonline.onboarding;

import io.camunda.client.annotation.Deployment;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Children's Services Online onboarding: applicant pages, staff pages, and the process's job workers. */
@SpringBootApplication
@ConfigurationPropertiesScan
@Deployment(resources = {"classpath*:/bpmn/*.bpmn", "classpath*:/bpmn/forms/*.form"})
public class CsoOnboardingApplication {

    public static void main(String[] args) {
        try {
            SpringApplication.run(CsoOnboardingApplication.class, args);
        } catch (RuntimeException e) {
            // A failed start can leave the engine library's timer threads running; leave for certain.
            System.err.println("Children's Services Online onboarding did not start: " + reason(e));
            System.exit(1);
        }
    }

    /** Our own explanation when there is one (it says what to do), else the root cause's message. */
    static String reason(Throwable e) {
        String reason = e.getMessage();
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof StartupFailure) {
                return cause.getMessage();
            }
            reason = cause.getMessage();
        }
        return reason;
    }
}
