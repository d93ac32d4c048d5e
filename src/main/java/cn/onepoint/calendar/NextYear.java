package cn.onepoint.calendar;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Optional;

/**
 * Whether next year's arrangement is ready: loaded, and not provisional. From {@code onepoint.calendar
 * .next-year-warning-from} (1 November) on, a missing or provisional next year is a warning in health
 * ({@link CalendarHealth}, which stays UP: the service still works) and in the gauge
 * {@code onepoint_calendar_next_year_warning} (1 while it warns), so that operations load the official notice
 * before computations reach into that year.
 */
@Startup
@ApplicationScoped
public class NextYear {

    /** What is known about next year today. */
    public record Status(int year, boolean loaded, boolean provisional, boolean warning) {
    }

    private final WorkingCalendar calendar;
    private final Clock clock;
    private final MonthDay warnFrom;

    public NextYear(WorkingCalendar calendar, Clock clock, CalendarConfig config, MeterRegistry metrics) {
        this.calendar = calendar;
        this.clock = clock;
        this.warnFrom = config.nextYearWarningFrom();
        Gauge.builder("onepoint.calendar.next.year.warning", this, n -> n.status().warning() ? 1 : 0)
                .description("1 from onepoint.calendar.next-year-warning-from on while next year's holiday "
                        + "arrangement is missing or provisional; load the official notice")
                .register(metrics);
    }

    public Status status() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), calendar.zone());
        int next = today.getYear() + 1;
        Optional<YearArrangement> y = calendar.year(next);
        boolean provisional = y.map(YearArrangement::provisional).orElse(false);
        boolean warning = (y.isEmpty() || provisional) && !today.isBefore(warnFrom.atYear(today.getYear()));
        return new Status(next, y.isPresent(), provisional, warning);
    }
}
