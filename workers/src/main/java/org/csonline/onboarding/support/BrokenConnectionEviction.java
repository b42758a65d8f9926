package org.csonline.onboarding.support;

import com.zaxxer.hikari.SQLExceptionOverride;
import java.sql.SQLException;

/**
 * Tells the connection pool to throw away a connection the driver reports as broken. Hikari does so by itself only
 * for SQL states of class 08; H2 reports a connection whose server went away as "Database is already closed"
 * (90121), "Connection is broken" (90067) or an I/O error (90028), so without this the pool hands such connections out again and pages
 * keep failing for many seconds after the database is back. Set as {@code spring.datasource.hikari
 * .exception-override-class-name}.
 */
public class BrokenConnectionEviction implements SQLExceptionOverride {

    @java.lang.Override
    public Override adjudicate(SQLException failure) {
        return DatabaseFailures.isBrokenConnection(failure) ? Override.MUST_EVICT : Override.CONTINUE_EVICT;
    }
}
