package org.csonline.onboarding.staff;

import java.util.List;
import java.util.Optional;
import org.csonline.onboarding.notice.StaffDirectory;

/** Staff email addresses from {@code cso.staff.users[n].email}, for the notices the process sends staff. */
class StaffPropertiesDirectory implements StaffDirectory {

    private final StaffProperties staff;

    StaffPropertiesDirectory(StaffProperties staff) {
        this.staff = staff;
    }

    @Override
    public Optional<String> emailOf(String staffId) {
        return staff.users().stream()
                .filter(user -> user.username().equals(staffId))
                .map(StaffProperties.StaffUser::email)
                .filter(email -> email != null && !email.isBlank())
                .findFirst();
    }

    @Override
    public List<String> managerEmails() {
        return staff.users().stream()
                .filter(user -> user.roles().contains("MANAGER"))
                .map(StaffProperties.StaffUser::email)
                .filter(email -> email != null && !email.isBlank())
                .distinct()
                .toList();
    }
}
