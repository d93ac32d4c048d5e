package cn.onepoint.sla;

import java.time.Duration;
import java.time.Instant;

/** A time a timer stood still (T8 suspension); kept so reports can show both figures. */
public record PausedInterval(Instant from, Instant to) {
    public Duration length() {
        return Duration.between(from, to);
    }
}
