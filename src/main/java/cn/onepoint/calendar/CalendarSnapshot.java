package cn.onepoint.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The loaded years at one moment, immutable; {@link WorkingCalendar} swaps whole snapshots atomically so a
 * computation never sees half of a change. All arithmetic lives here and refuses any date of a year that is
 * not loaded ({@link CalendarYearMissingException}).
 */
public final class CalendarSnapshot {

    public static final CalendarSnapshot EMPTY = new CalendarSnapshot(Map.of());

    private final NavigableMap<Integer, YearArrangement> years;

    public CalendarSnapshot(Map<Integer, YearArrangement> years) {
        this.years = Collections.unmodifiableNavigableMap(new TreeMap<>(years));
    }

    public NavigableMap<Integer, YearArrangement> years() {
        return years;
    }

    public boolean hasYear(int year) {
        return years.containsKey(year);
    }

    /** This snapshot with {@code y} in place of its year. */
    public CalendarSnapshot with(YearArrangement y) {
        TreeMap<Integer, YearArrangement> copy = new TreeMap<>(years);
        copy.put(y.year(), y);
        return new CalendarSnapshot(copy);
    }

    /**
     * {@code loaded} (a fresh read of the database) merged with this snapshot: a year keeps this snapshot's
     * arrangement when the read lacks it or has an older version (a PUT applied here after the read began).
     */
    public CalendarSnapshot mergedWith(CalendarSnapshot loaded) {
        TreeMap<Integer, YearArrangement> merged = new TreeMap<>(loaded.years);
        for (YearArrangement mine : years.values()) {
            YearArrangement theirs = merged.get(mine.year());
            if (theirs == null || theirs.version() < mine.version()) {
                merged.put(mine.year(), mine);
            }
        }
        return new CalendarSnapshot(merged);
    }

    public Day day(LocalDate date) {
        YearArrangement year = require(date.getYear());
        YearArrangement.Entry entry = year.days().get(date);
        DayKind kind;
        if (entry != null) {
            kind = entry.offDay() ? DayKind.HOLIDAY : DayKind.ADJUSTED_WORKDAY;
        } else {
            kind = weekend(date) ? DayKind.WEEKEND : DayKind.WORKDAY;
        }
        return new Day(date, date.getDayOfWeek(), kind.working(), kind, entry == null ? null : entry.name());
    }

    public boolean isWorkingDay(LocalDate date) {
        YearArrangement.Entry entry = require(date.getYear()).days().get(date);
        return entry != null ? !entry.offDay() : !weekend(date);
    }

    /** See {@link WorkingCalendar#addWorkingDays(LocalDate, int)}. */
    public LocalDate addWorkingDays(LocalDate from, int n) {
        require(from.getYear());
        LocalDate d = from;
        if (n == 0) {
            while (!isWorkingDay(d)) {
                d = d.plusDays(1);
            }
            return d;
        }
        int step = n > 0 ? 1 : -1;
        long left = Math.abs((long) n);
        // Terminates: every step either counts a working day or reaches a missing year, which throws.
        while (left > 0) {
            d = d.plusDays(step);
            if (isWorkingDay(d)) {
                left--;
            }
        }
        return d;
    }

    /** See {@link WorkingCalendar#workingDaysBetween(LocalDate, LocalDate)}. */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        require(from.getYear());
        require(to.getYear());
        if (to.isAfter(from)) {
            return count(from.plusDays(1), to);
        }
        if (to.isBefore(from)) {
            return -count(to, from.minusDays(1));
        }
        return 0;
    }

    /** Every day from {@code from} to {@code to}, both included. */
    public List<Day> days(LocalDate from, LocalDate to) {
        List<Day> out = new ArrayList<>((int) Math.max(0, ChronoUnit.DAYS.between(from, to) + 1));
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            out.add(day(d));
        }
        return out;
    }

    /** Working days in [first, last]. */
    private int count(LocalDate first, LocalDate last) {
        int n = 0;
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                n++;
            }
        }
        return n;
    }

    private YearArrangement require(int year) {
        YearArrangement y = years.get(year);
        if (y == null) {
            throw new CalendarYearMissingException(year);
        }
        return y;
    }

    private static boolean weekend(LocalDate date) {
        DayOfWeek dow = date.getDayOfWeek();
        return dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY;
    }
}
