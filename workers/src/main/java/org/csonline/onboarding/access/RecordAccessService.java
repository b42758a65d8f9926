package org.csonline.onboarding.access;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.csonline.onboarding.onboarding.Onboarding;
import org.csonline.onboarding.onboarding.OnboardingRepository;
import org.csonline.onboarding.support.Upserts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Which records an account may see; the only writer of the {@code record_access} table. */
@Service
public class RecordAccessService {

    private final JdbcClient jdbc;
    private final Upserts upserts;
    private final OnboardingRepository onboardings;
    private final Clock clock;

    public RecordAccessService(JdbcClient jdbc, Upserts upserts, OnboardingRepository onboardings, Clock clock) {
        this.jdbc = jdbc;
        this.upserts = upserts;
        this.onboardings = onboardings;
        this.clock = clock;
    }

    /** Grants the onboarding's record to the account; once per onboarding however often it runs. */
    public void grant(UUID onboardingId, UUID accountId) {
        Onboarding onboarding = onboardings.get(onboardingId);
        Timestamp now = Timestamp.from(clock.instant());
        upserts.updateOrInsert(
                () -> jdbc.sql("update record_access set record_name = ?, onboarding_id = ?, granted_at = ? "
                                + "where account_id = ? and record_reference = ?")
                        .params(onboarding.recordName(), onboardingId, now, accountId, onboarding.recordReference())
                        .update(),
                () -> jdbc.sql("insert into record_access (account_id, record_reference, record_name, onboarding_id, "
                                + "granted_at) values (?, ?, ?, ?, ?)")
                        .params(accountId, onboarding.recordReference(), onboarding.recordName(), onboardingId, now)
                        .update());
    }

    public List<Record> recordsFor(UUID accountId) {
        return jdbc.sql("select record_reference, record_name from record_access where account_id = ? "
                        + "order by granted_at")
                .param(accountId).query((rs, n) -> new Record(rs.getString(1), rs.getString(2))).list();
    }
}
