package org.csonline.onboarding.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class WorkingDaysTest {

    private final WorkingDays workingDays = new WorkingDays();

    @Test
    void skipsTheWeekend() {
        // Thursday 10:00 plus 2 working days is Monday 10:00.
        assertThat(workingDays.plus(at("2026-03-12T10:00"), Duration.ofDays(2))).isEqualTo(at("2026-03-16T10:00"));
    }

    @Test
    void skipsEasterAndItsWeekend() {
        // Thursday before Good Friday (3 April 2026) plus 1 working day is Tuesday after Easter Monday.
        assertThat(workingDays.plus(at("2026-04-02T09:00"), Duration.ofDays(1))).isEqualTo(at("2026-04-07T09:00"));
    }

    @Test
    void skipsSubstituteDaysAtChristmas() {
        // Christmas 2027 falls on a weekend: Monday 27 and Tuesday 28 December are the bank holidays.
        assertThat(workingDays.plus(at("2027-12-24T12:00"), Duration.ofDays(1))).isEqualTo(at("2027-12-29T12:00"));
    }

    @Test
    void addsTimeBelowADayAsClockTime() {
        // The local profile's seconds: Saturday night plus 5 seconds stays on Saturday night.
        assertThat(workingDays.plus(at("2026-03-14T23:00"), Duration.ofSeconds(5))).isEqualTo(at("2026-03-14T23:00:05"));
    }

    @Test
    void countsDaysInUkTimeAcrossTheClockChange() {
        // Clocks go forward on Sunday 29 March 2026; the wall-clock time is kept.
        assertThat(workingDays.plus(at("2026-03-27T10:00"), Duration.ofDays(1))).isEqualTo(at("2026-03-30T10:00"));
    }

    @Test
    void bankHolidaysAreNotWorkingDays() {
        assertThat(workingDays.isWorkingDay(LocalDate.of(2028, 1, 3))).isFalse();
        assertThat(workingDays.isWorkingDay(LocalDate.of(2028, 1, 4))).isTrue();
    }

    private static Instant at(String localUkTime) {
        return java.time.LocalDateTime.parse(localUkTime).atZone(ZoneId.of("Europe/London")).toInstant();
    }
}
