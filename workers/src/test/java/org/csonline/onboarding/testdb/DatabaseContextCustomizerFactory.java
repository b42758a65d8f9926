package org.csonline.onboarding.testdb;

import java.util.List;
import java.util.Map;
import org.csonline.onboarding.testdb.TestDatabases.TestDatabase;
import org.csonline.onboarding.testdb.TestDatabases.Vendor;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * When the build runs the tests on PostgreSQL ({@link TestDatabases#PROPERTY}), every Spring test context gets a
 * PostgreSQL database of its own in place of the in-memory H2 one: {@code @JdbcTest} slices and whole applications
 * alike. On H2 it changes nothing. Registered in META-INF/spring.factories.
 */
class DatabaseContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
            List<ContextConfigurationAttributes> configAttributes) {
        return TestDatabases.chosen() == Vendor.POSTGRESQL ? new PostgresDatabase() : null;
    }

    /** Equal to every other, so cached contexts are reused as on H2; each new context gets a new database. */
    private static final class PostgresDatabase implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration merged) {
            TestDatabase database = EmbeddedPostgresServer.shared().newDatabase();
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("cso-test-database", Map.of(
                    "spring.test.database.replace", "none",
                    "spring.datasource.url", database.url(),
                    "spring.datasource.username", database.username(),
                    "spring.datasource.password", database.password())));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof PostgresDatabase;
        }

        @Override
        public int hashCode() {
            return PostgresDatabase.class.hashCode();
        }
    }
}
