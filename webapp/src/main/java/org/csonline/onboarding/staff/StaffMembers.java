package org.csonline.onboarding.staff;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.csonline.onboarding.notice.StaffDirectory;
import org.csonline.onboarding.staff.StaffRoleMapping.StaffRole;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Staff who signed in with the council's provider, as it described them at their latest sign-in: the email address
 * staff notices go to, the name people see, and whether they are a manager. Keyed by the provider's subject, so a
 * changed name or address updates the row instead of making a new member of staff.
 */
class StaffMembers implements StaffDirectory {

    private final JdbcClient jdbc;
    private final Clock clock;

    StaffMembers(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void signedIn(String subject, String displayName, String email, Set<StaffRole> roles) {
        String roleNames = roles.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
        boolean manager = roles.contains(StaffRole.MANAGER);
        Timestamp now = Timestamp.from(clock.instant());
        String name = cut(displayName, 200);
        String address = cut(email, 320);
        // Update first, insert if new; two first sign-ins at once meet the primary key, and the loser updates.
        if (update(subject, name, address, roleNames, manager, now) == 0) {
            try {
                jdbc.sql("insert into staff_member (subject, display_name, email, roles, manager, last_signed_in_at) "
                                + "values (?, ?, ?, ?, ?, ?)")
                        .params(subject, name, address, roleNames, manager, now).update();
            } catch (DuplicateKeyException e) {
                update(subject, name, address, roleNames, manager, now);
            }
        }
    }

    private int update(String subject, String name, String address, String roleNames, boolean manager, Timestamp now) {
        return jdbc.sql("update staff_member set display_name = ?, email = ?, roles = ?, manager = ?, "
                        + "last_signed_in_at = ? where subject = ?")
                .params(name, address, roleNames, manager, now, subject).update();
    }

    @Override
    public Optional<String> emailOf(String staffId) {
        return jdbc.sql("select email from staff_member where subject = ? and email is not null")
                .param(staffId).query(String.class).optional();
    }

    @Override
    public List<String> managerEmails() {
        return jdbc.sql("select distinct email from staff_member where manager = true and email is not null")
                .query(String.class).list();
    }

    @Override
    public String displayNameOf(String staffId) {
        return jdbc.sql("select display_name from staff_member where subject = ? and display_name is not null")
                .param(staffId).query(String.class).optional().orElse(staffId);
    }

    private static String cut(String value, int length) {
        return value == null || value.isBlank() ? null : value.length() <= length ? value : value.substring(0, length);
    }
}
