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
            System.err.println("Children's Services Online onboarding did not start: " + rootMessage(e));
            System.exit(1);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }
}
