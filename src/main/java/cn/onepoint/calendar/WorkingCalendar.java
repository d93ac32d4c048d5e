package cn.onepoint.calendar;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Mainland China's official working-day calendar: Saturday and Sunday are off except the adjusted working
 * days 调休上班, and the statutory holiday blocks are off. Other features (P3, P4, P6, P8 and the timers)
 * count working days here.
 *
 * <p>Every method works on an in-memory snapshot (no I/O, safe on the event loop). Every method refuses a
 * date in a year whose arrangement is not loaded with {@link CalendarYearMissingException} (422
 * {@code CALENDAR_YEAR_MISSING}) rather than guessing Monday to Friday; that includes the start date and every
 * day the computation walks through.
 *
 * <p>The snapshot is loaded from the database at start-up ({@link CalendarService}), replaced at once by a
 * PUT served by this replica, and re-read every {@code onepoint.calendar.reload-interval} for changes made
 * through other replicas.
 */
@ApplicationScoped
public class WorkingCalendar {

    private final AtomicReference<CalendarSnapshot> current = new AtomicReference<>(CalendarSnapshot.EMPTY);
    private final ZoneId zone;
    private final CalendarConfig config;

    public WorkingCalendar(@ConfigProperty(name = "onepoint.zone", defaultValue = "Asia/Shanghai") ZoneId zone,
                           CalendarConfig config) {
        this.zone = zone;
        this.config = config;
    }

    /** Whether staff work on {@code date}: a weekday outside a holiday block, or an adjusted working day. */
    public boolean isWorkingDay(LocalDate date) {
        return current.get().isWorkingDay(date);
    }

    /**
     * The {@code n}-th working day after {@code from}, {@code from} itself not counted.
     * <ul>
     *   <li>{@code n > 0}: the n-th working day strictly after {@code from} (from 2026-09-30, +2 is 2026-10-09:
     *       10-01..07 are off, 10-08 is the first).</li>
     *   <li>{@code n == 0}: {@code from} when it is a working day, otherwise the next working day.</li>
     *   <li>{@code n < 0}: the |n|-th working day strictly before {@code from} ("10 working days before the due
     *       date", P6).</li>
     * </ul>
     * For {@code n != 0}, {@code workingDaysBetween(from, addWorkingDays(from, n)) == n}.
     *
     * @throws CalendarYearMissingException when {@code from} or any day walked lies in a year not loaded
     */
    public LocalDate addWorkingDays(LocalDate from, int n) {
        return current.get().addWorkingDays(from, n);
    }

    /**
     * Working days from {@code from} to {@code to}, {@code from} excluded and {@code to} included, counted
     * in the direction of travel: when {@code to} is after {@code from}, the working days in (from, to];
     * when {@code to} is before {@code from}, minus the working days in [to, from); 0 when equal.
     *
     * @throws CalendarYearMissingException when a day of the range lies in a year not loaded
     */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        return current.get().workingDaysBetween(from, to);
    }

    /**
     * The deadline of a step due "within {@code n} working days" of {@code start}: the end of the working day
     * {@code addWorkingDays(start's local date, n)}, i.e. {@code onepoint.calendar.end-of-day} (default 18:00)
     * in {@code onepoint.zone} (default Asia/Shanghai). The time of day of {@code start} does not matter:
     * a start at 23:00 still counts from the next working day. With {@code n == 0} the result is the end of
     * the start day (or of the next working day), which may lie before {@code start}.
     *
     * @throws CalendarYearMissingException as {@link #addWorkingDays(LocalDate, int)}
     */
    public Instant deadlineAfterWorkingDays(Instant start, int n) {
        return endOfDay(addWorkingDays(LocalDate.ofInstant(start, zone), n));
    }

    /** The instant at which {@code date} ends as a working day (end-of-day local time in the zone). */
    public Instant endOfDay(LocalDate date) {
        return date.atTime(config.endOfDay()).atZone(zone).toInstant();
    }

    /** Each day from {@code from} to {@code to}, both included, with its kind and holiday name. */
    public List<Day> days(LocalDate from, LocalDate to) {
        return current.get().days(from, to);
    }

    /** One day with its kind and holiday name. */
    public Day day(LocalDate date) {
        return current.get().day(date);
    }

    /** Whether {@code year}'s arrangement is loaded (so computations touching it are answered). */
    public boolean hasYear(int year) {
        return current.get().hasYear(year);
    }

    public Optional<YearArrangement> year(int year) {
        return Optional.ofNullable(current.get().years().get(year));
    }

    /** The current snapshot, for callers that need several answers from one consistent state. */
    public CalendarSnapshot snapshot() {
        return current.get();
    }

    public ZoneId zone() {
        return zone;
    }

    public LocalTime endOfDayTime() {
        return config.endOfDay();
    }

    /** Applies a year just written by this replica (newer versions only). */
    void install(YearArrangement year) {
        current.updateAndGet(s -> {
            YearArrangement mine = s.years().get(year.year());
            return mine != null && mine.version() > year.version() ? s : s.with(year);
        });
    }

    /** Applies a fresh read of the database, keeping any newer year this replica wrote meanwhile. */
    void replace(CalendarSnapshot loaded) {
        current.updateAndGet(s -> s.mergedWith(loaded));
    }
}
