package org.csonline.onboarding.engine;

import io.camunda.client.CamundaClient;
import org.csonline.onboarding.StartupFailure;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.RocksDbEngineFactory;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.unit.DataSize;

/**
 * Starts the embedded Zeebe engine (its state in RocksDB in a temporary directory, see
 * {@link RocksDbEngineFactory}) before any other bean exists, points the Camunda client at it, and makes
 * the client depend on it so the client closes first on shutdown. Port 0 lets the engine pick a free port (tests).
 */
class EmbeddedEngineStarter implements BeanFactoryPostProcessor {

    static final String ENGINE_BEAN = "embeddedZeebeEngine";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedEngineStarter.class);

    private final ConfigurableEnvironment environment;

    EmbeddedEngineStarter(ConfigurableEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        refuseOutsideADevelopmentMachine(environment);
        int port = environment.getProperty("cso.engine.port", Integer.class, 26500);
        if (port != 0) {
            requireFree(port);
        }
        DataSize stateMemory = environment.getProperty("cso.engine.state-memory", DataSize.class,
                DataSize.ofBytes(RocksDbEngineFactory.DEFAULT_STATE_MEMORY_BYTES));
        ZeebeTestEngine engine = RocksDbEngineFactory.create(port, stateMemory.toBytes());
        engine.start();
        String address = "http://localhost:" + portOf(engine.getGatewayAddress());
        environment.getPropertySources().addFirst(
                new MapPropertySource("embeddedZeebeEngine", Map.of("camunda.client.grpc-address", address)));
        log.warn("Embedded Zeebe engine listening on {} on ALL network interfaces, without authentication. "
                + "It is for trying the service on this machine only: keep the port closed to the network.", address);
        beanFactory.registerSingleton(ENGINE_BEAN, engine);
        if (beanFactory instanceof DefaultListableBeanFactory registry) {
            registry.registerDisposableBean(ENGINE_BEAN, engine::stop);
        }
        for (String client : beanFactory.getBeanNamesForType(CamundaClient.class, true, false)) {
            BeanDefinition definition = beanFactory.getBeanDefinition(client);
            Set<String> dependsOn = new LinkedHashSet<>();
            if (definition.getDependsOn() != null) {
                dependsOn.addAll(java.util.List.of(definition.getDependsOn()));
            }
            dependsOn.add(ENGINE_BEAN);
            definition.setDependsOn(dependsOn.toArray(String[]::new));
        }
    }

    /**
     * The local profile brings an unauthenticated engine and demo staff users: never in the production image (which
     * sets CSO_PRODUCTION_IMAGE), and never mixed with the camunda profile, whatever SPRING_PROFILES_ACTIVE says.
     */
    static void refuseOutsideADevelopmentMachine(ConfigurableEnvironment environment) {
        if (environment.getProperty("CSO_PRODUCTION_IMAGE", Boolean.class, false)) {
            throw new StartupFailure("The local profile (embedded engine without authentication, demo staff users) "
                    + "cannot run from the production image. Start it with SPRING_PROFILES_ACTIVE=camunda (the "
                    + "image's default) and the settings in .env.example.", null);
        }
        if (environment.acceptsProfiles(org.springframework.core.env.Profiles.of("camunda"))) {
            throw new StartupFailure("The local and camunda profiles are both active; choose one "
                    + "(SPRING_PROFILES_ACTIVE=camunda for a Camunda cluster).", null);
        }
    }

    /** The engine hangs the JVM when its port is taken, so look first and say what to do. */
    static void requireFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(port));
        } catch (IOException e) {
            throw new StartupFailure("Port " + port + " for the embedded Zeebe engine is already in use. "
                    + "Stop what uses it, or choose another port with CSO_ENGINE_PORT=<port> "
                    + "(or --cso.engine.port=<port>).", e);
        }
    }

    static int portOf(String gatewayAddress) {
        return Integer.parseInt(gatewayAddress.substring(gatewayAddress.lastIndexOf(':') + 1));
    }
}
