package cn.onepoint.calendar;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import java.util.stream.Collectors;

/**
 * Readiness: up once years are loaded. Shows whether next year is loaded and confirmed, and from
 * {@code onepoint.calendar.next-year-warning-from} on says so in {@code warning}, so operations see in time that
 * computations reaching it will be refused (missing) or may move (provisional) until its official arrangement is
 * PUT. A warning never takes the replica out of service.
 */
@Readiness
@ApplicationScoped
public class CalendarHealth implements HealthCheck {

    private final WorkingCalendar calendar;
    private final NextYear nextYear;

    public CalendarHealth(WorkingCalendar calendar, NextYear nextYear) {
        this.calendar = calendar;
        this.nextYear = nextYear;
    }

    @Override
    public HealthCheckResponse call() {
        var years = calendar.snapshot().years();
        NextYear.Status next = nextYear.status();
        HealthCheckResponseBuilder r = HealthCheckResponse.named("working-calendar")
                .status(!years.isEmpty())
                .withData("years", years.keySet().stream().map(String::valueOf).collect(Collectors.joining(",")))
                .withData("provisionalYears", years.values().stream().filter(YearArrangement::provisional)
                        .map(y -> String.valueOf(y.year())).collect(Collectors.joining(",")))
                .withData("currentYearLoaded", years.containsKey(next.year() - 1))
                .withData("nextYear", next.year())
                .withData("nextYearLoaded", next.loaded())
                .withData("nextYearProvisional", next.provisional());
        if (next.warning()) {
            r.withData("warning", next.loaded()
                    ? next.year() + " is provisional: load the official arrangement with PUT /api/v1/calendar/years/"
                    + next.year() + " once the State Council notice is out; working days computed until then may move"
                    : next.year() + " is missing: working-day computations reaching it are refused until it is loaded "
                    + "with PUT /api/v1/calendar/years/" + next.year());
        }
        return r.build();
    }
}
