package org.csonline.onboarding.staff;

import java.time.Duration;
import org.csonline.onboarding.web.Messages;

/** How long something has waited, in the largest whole unit a person would say: "3 days", "5 hours". */
final class Age {

    private Age() {
    }

    static String of(Duration waited, Messages messages) {
        if (waited.toDays() >= 1) {
            return messages.text("staff.age.days", waited.toDays());
        }
        if (waited.toHours() >= 1) {
            return messages.text("staff.age.hours", waited.toHours());
        }
        if (waited.toMinutes() >= 1) {
            return messages.text("staff.age.minutes", waited.toMinutes());
        }
        return messages.text("staff.age.now");
    }
}
