package org.csonline.onboarding.access;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Which records an account may see. */
@Service
public class RecordAccessService {

    private final JdbcClient jdbc;
    private final Clock clock;

    public RecordAccessService(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Grants the onboarding's record to the account; once per onboarding however often it runs. */
    public void grant(UUID onboardingId, UUID accountId) {
        jdbc.sql("merge into record_access (account_id, record_reference, record_name, onboarding_id, granted_at) "
                        + "key (account_id, record_reference) select ?, record_reference, record_name, id, ? "
                        + "from onboarding where id = ?")
                .params(accountId, Timestamp.from(clock.instant()), onboardingId).update();
    }

    public List<Record> recordsFor(UUID accountId) {
        return jdbc.sql("select record_reference, record_name from record_access where account_id = ? "
                        + "order by granted_at")
                .param(accountId).query((rs, n) -> new Record(rs.getString(1), rs.getString(2))).list();
    }
}
