package org.csonline.onboarding.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Keeps the bank-holiday file current: see docs/working-days.md for how to update it. */
class BankHolidaysTest {

    private final BankHolidays holidays = BankHolidays.englandAndWales();

    @Test
    void fileHasTheBankHolidaysOfTheComingYear() {
        int comingYear = LocalDate.now(ZoneId.of("Europe/London")).getYear() + 1;

        assertThat(holidays.covers(comingYear))
                .as("%s has no bank holidays for %d: update it from https://www.gov.uk/bank-holidays.json "
                        + "(docs/working-days.md)", BankHolidays.RESOURCE, comingYear)
                .isTrue();
    }

    @Test
    void everyYearInTheFileHasItsEightBankHolidaysOnWeekdays() {
        holidays.dates().stream().map(LocalDate::getYear).distinct().forEach(year -> {
            var ofYear = holidays.dates().stream().filter(date -> date.getYear() == year).toList();
            assertThat(ofYear).as("bank holidays of %d", year).hasSize(8);
            assertThat(ofYear).allSatisfy(date -> assertThat(date.getDayOfWeek())
                    .isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY));
        });
    }
}
