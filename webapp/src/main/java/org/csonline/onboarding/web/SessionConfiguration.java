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

    /** H2's upsert of a session attribute, in the shape of Spring Session's PostgreSQL one. */
    static final String H2_ATTRIBUTE_UPSERT = "MERGE INTO %TABLE_NAME%_ATTRIBUTES "
            + "(SESSION_PRIMARY_ID, ATTRIBUTE_NAME, ATTRIBUTE_BYTES) KEY (SESSION_PRIMARY_ID, ATTRIBUTE_NAME) "
            + "VALUES (?, ?, ?)";

    /**
     * An upsert for session attributes, so that two requests of one browser that add the same attribute at once (two
     * tabs, a double click, or two instances) do not fail on its primary key: Spring Session's own on PostgreSQL,
     * the same in H2's words on H2.
     */
    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> attributeUpsert(DataSource dataSource)
            throws MetaDataAccessException {
        String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
        SessionRepositoryCustomizer<JdbcIndexedSessionRepository> postgres =
                new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
        return repository -> {
            if ("PostgreSQL".equals(product)) {
                postgres.customize(repository);
            } else if ("H2".equals(product)) {
                repository.setCreateSessionAttributeQuery(H2_ATTRIBUTE_UPSERT);
            }
        };
    }
}
