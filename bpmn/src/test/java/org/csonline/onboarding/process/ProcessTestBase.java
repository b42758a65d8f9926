package org.csonline.onboarding.process;

import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.client.api.response.DeploymentEvent;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.extension.ZeebeProcessTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A process test on a fresh engine with the current model and its forms deployed, driven through {@link #driver},
 * and counted in the model coverage. {@code @ZeebeProcessTest} fills {@code engine} and {@code client} here too:
 * it looks for them up the class hierarchy.
 */
@ZeebeProcessTest
@ExtendWith(ModelCoverageExtension.class)
abstract class ProcessTestBase {

    private ZeebeTestEngine engine;
    private ZeebeClient client;
    ProcessDriver driver;
    DeploymentEvent deployment;

    @BeforeEach
    void deploy() {
        driver = new ProcessDriver(engine, client);
        deployment = driver.deploy();
    }
}
