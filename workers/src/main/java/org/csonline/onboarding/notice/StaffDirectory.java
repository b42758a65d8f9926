package org.csonline.onboarding.notice;

import java.util.List;
import java.util.Optional;

/**
 * Staff email addresses, where known; the web app knows the staff users and provides this. A staff id is what an
 * onboarding's caseworker holds: a configured username, or the subject the council's identity provider gives.
 */
public interface StaffDirectory {

    Optional<String> emailOf(String staffId);

    /** How to show a member of staff to people; the id itself when nothing better is known. */
    default String displayNameOf(String staffId) {
        return staffId;
    }

    List<String> managerEmails();

    /** Used when no directory is configured: notices stay on the staff pages only. */
    StaffDirectory NONE = new StaffDirectory() {
        @Override
        public Optional<String> emailOf(String staffId) {
            return Optional.empty();
        }

        @Override
        public List<String> managerEmails() {
            return List.of();
        }
    };
}
