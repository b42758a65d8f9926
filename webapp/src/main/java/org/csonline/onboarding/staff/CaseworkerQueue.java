package org.csonline.onboarding.staff;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.csonline.onboarding.notice.StaffNoticeKind;
import org.csonline.onboarding.onboarding.CancellationReason;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What needs the caseworker now, for the staff home: setup codes to confirm, emails that bounced, onboardings that
 * ran out of time and can be sent again, and declined requests to explain to the applicant. Each comes with the
 * moment it started waiting. Read from our own tables, never the engine.
 */
@Component
class CaseworkerQueue {

    /** The kinds of item, oldest first within the queue. */
    enum Kind {
        CONFIRM_SETUP_CODE, EMAIL_UNDELIVERABLE, INVITE_AGAIN, EXPLAIN_DECLINE;

        /**
         * Items only the caseworker knows are finished (they explained the decline; they chose not to invite again)
         * can be marked done; the others leave the queue by themselves when the onboarding moves on.
         */
        public boolean canBeMarkedDone() {
            return this == INVITE_AGAIN || this == EXPLAIN_DECLINE;
        }
    }

    record Item(Kind kind, UUID onboardingId, String recordName, String caseworker, Instant since) {
    }

    /** The reasons after which a caseworker may invite again, as an SQL list. */
    private static final String REINVITABLE = Arrays.stream(CancellationReason.values())
            .filter(CancellationReason::reinvitable).map(reason -> "'" + reason + "'")
            .collect(Collectors.joining(", ", "(", ")"));
    private static final String NOT_DONE = " and not exists (select 1 from queue_item_done d "
            + "where d.onboarding_id = o.id and d.item = ?)";

    private final JdbcClient jdbc;

    CaseworkerQueue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The caseworker's own items; a manager's queue holds every caseworker's. */
    List<Item> itemsFor(String username, boolean manager) {
        List<Item> items = new ArrayList<>();
        items.addAll(query(Kind.CONFIRM_SETUP_CODE, "select o.id, o.record_name, o.caseworker, s.created_at "
                + "from onboarding o join setup_code s on s.onboarding_id = o.id where o.status = 'IN_PROGRESS' "
                + "and s.confirmed_at is null and s.locked_at is null", username, manager, false));
        items.addAll(query(Kind.EMAIL_UNDELIVERABLE, "select o.id, o.record_name, o.caseworker, min(n.created_at) "
                + "from onboarding o join staff_notice n on n.onboarding_id = o.id where o.status = 'IN_PROGRESS' "
                + "and n.notice = '" + StaffNoticeKind.EMAIL_UNDELIVERABLE + "'", username, manager, false,
                " group by o.id, o.record_name, o.caseworker"));
        items.addAll(query(Kind.INVITE_AGAIN, "select o.id, o.record_name, o.caseworker, o.updated_at "
                + "from onboarding o where o.status = 'CANCELLED' and o.cancellation_reason in " + REINVITABLE + " "
                + "and not exists (select 1 from onboarding p where p.previous_onboarding_id = o.id)",
                username, manager, true));
        items.addAll(query(Kind.EXPLAIN_DECLINE, "select o.id, o.record_name, o.caseworker, r.decided_at "
                + "from onboarding o join access_request r on r.onboarding_id = o.id where o.status = 'DECLINED'",
                username, manager, true));
        items.sort(Comparator.comparing(Item::since));
        return items;
    }

    private List<Item> query(Kind kind, String select, String username, boolean manager, boolean canBeDone) {
        return query(kind, select, username, manager, canBeDone, "");
    }

    private List<Item> query(Kind kind, String select, String username, boolean manager, boolean canBeDone,
            String groupBy) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder(select);
        if (!manager) {
            sql.append(" and o.caseworker = ?");
            params.add(username);
        }
        if (canBeDone) {
            sql.append(NOT_DONE);
            params.add(kind.name());
        }
        sql.append(groupBy);
        return jdbc.sql(sql.toString()).params(params)
                .query((rs, n) -> new Item(kind, rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant()))
                .list();
    }

    /** Takes an item off the queue; marking it twice is once. */
    void markDone(UUID onboardingId, Kind kind, String username, Instant at) {
        if (!kind.canBeMarkedDone()) {
            throw new IllegalArgumentException(kind + " leaves the queue by itself");
        }
        try {
            jdbc.sql("insert into queue_item_done (onboarding_id, item, done_by, done_at) values (?, ?, ?, ?)")
                    .params(onboardingId, kind.name(), username, Timestamp.from(at)).update();
        } catch (DuplicateKeyException alreadyDone) {
            // Someone (or another tab) marked it first: the item is off the queue either way.
        }
    }
}
