package cn.onepoint.calendar;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.time.Clock;
import java.time.LocalDate;
import java.util.stream.Collectors;

/**
 * Readiness: up once years are loaded. Shows whether next year is loaded, so operations see in time that
 * computations reaching it will be refused until its arrangement is PUT.
 */
@Readiness
@ApplicationScoped
public class CalendarHealth implements HealthCheck {

    private final WorkingCalendar calendar;
    private final Clock clock;

    public CalendarHealth(WorkingCalendar calendar, Clock clock) {
        this.calendar = calendar;
        this.clock = clock;
    }

    @Override
    public HealthCheckResponse call() {
        int thisYear = LocalDate.ofInstant(clock.instant(), calendar.zone()).getYear();
        var years = calendar.snapshot().years().keySet();
        return HealthCheckResponse.named("working-calendar")
                .status(!years.isEmpty())
                .withData("years", years.stream().map(String::valueOf).collect(Collectors.joining(",")))
                .withData("currentYearLoaded", years.contains(thisYear))
                .withData("nextYearLoaded", years.contains(thisYear + 1))
                .build();
    }
}
