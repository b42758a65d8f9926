package org.csonline.onboarding.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.springframework.stereotype.Component;

/**
 * Counts working days: Monday to Friday, England-and-Wales bank holidays skipped, in UK time. A duration's whole
 * days count as working days and the rest as clock time, so "P3D" means three working days and the local
 * profile's "PT5S" means five seconds.
 */
@Component
public class WorkingDays {

    static final ZoneId UK = ZoneId.of("Europe/London");

    private final BankHolidays holidays;

    public WorkingDays() {
        this(BankHolidays.englandAndWales());
    }

    WorkingDays(BankHolidays holidays) {
        this.holidays = holidays;
    }

    /** {@code start} plus {@code duration}, its whole days counted as working days. */
    public Instant plus(Instant start, Duration duration) {
        long days = duration.toDays();
        Duration rest = duration.minusDays(days);
        ZonedDateTime time = start.atZone(UK);
        for (long counted = 0; counted < days; ) {
            time = time.plusDays(1);
            if (isWorkingDay(time.toLocalDate())) {
                counted++;
            }
        }
        return time.toInstant().plus(rest);
    }

    public boolean isWorkingDay(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !holidays.isBankHoliday(date);
    }
}
