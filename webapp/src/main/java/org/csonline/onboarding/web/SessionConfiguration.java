package org.csonline.onboarding.web;

import java.sql.DatabaseMetaData;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;

/** Sessions in the database (Spring Session JDBC, configured by Spring Boot), shared by every instance. */
@Configuration(proxyBeanMethods = false)
class SessionConfiguration {

    /**
     * On PostgreSQL, Spring Session's own upsert for session attributes, so that two requests of one browser that
     * add the same attribute at once (on two instances) do not fail on its primary key. H2 needs none: the local
     * profile runs one instance.
     */
    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> attributeUpsertOnPostgresql(DataSource dataSource)
            throws MetaDataAccessException {
        String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
        SessionRepositoryCustomizer<JdbcIndexedSessionRepository> postgres =
                new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
        return repository -> {
            if ("PostgreSQL".equals(product)) {
                postgres.customize(repository);
            }
        };
    }
}
