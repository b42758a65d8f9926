package org.csonline.onboarding.calendar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * England-and-Wales bank holidays, read from a copy of GOV.UK's bank-holidays.json kept in the repository
 * (docs/working-days.md says how to update it).
 */
public final class BankHolidays {

    public static final String RESOURCE = "/calendar/england-and-wales-bank-holidays.json";

    private final SortedSet<LocalDate> dates;

    BankHolidays(SortedSet<LocalDate> dates) {
        this.dates = Collections.unmodifiableSortedSet(new TreeSet<>(dates));
    }

    /** The file shipped with the service. */
    public static BankHolidays englandAndWales() {
        try (InputStream in = BankHolidays.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + RESOURCE);
            }
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static BankHolidays parse(InputStream json) throws IOException {
        JsonNode events = new ObjectMapper().readTree(json).path("england-and-wales").path("events");
        SortedSet<LocalDate> dates = new TreeSet<>();
        events.forEach(event -> dates.add(LocalDate.parse(event.path("date").asText())));
        if (dates.isEmpty()) {
            throw new IllegalStateException(RESOURCE + " lists no england-and-wales events");
        }
        return new BankHolidays(dates);
    }

    public boolean isBankHoliday(LocalDate date) {
        return dates.contains(date);
    }

    /** Whether the file lists any bank holiday in {@code year}; without them every weekday there counts as working. */
    public boolean covers(int year) {
        return dates.stream().anyMatch(date -> date.getYear() == year);
    }

    public SortedSet<LocalDate> dates() {
        return dates;
    }
}
