package org.csonline.onboarding.notice;

import java.util.List;
import java.util.Optional;

/** Staff email addresses, where configured; the web app knows the staff users and provides this. */
public interface StaffDirectory {

    Optional<String> emailOf(String username);

    List<String> managerEmails();

    /** Used when no directory is configured: notices stay on the staff pages only. */
    StaffDirectory NONE = new StaffDirectory() {
        @Override
        public Optional<String> emailOf(String username) {
            return Optional.empty();
        }

        @Override
        public List<String> managerEmails() {
            return List.of();
        }
    };
}
