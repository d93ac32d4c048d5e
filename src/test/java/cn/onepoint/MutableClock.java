package cn.onepoint;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicReference;

/** The test clock: real time plus an offset tests can move forward, so no test sleeps for minutes. */
@Singleton
@Alternative
@Priority(1)
public class MutableClock extends Clock {

    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    public void advance(Duration d) {
        offset.updateAndGet(o -> o.plus(d));
    }

    /** Moves the clock so that now is {@code at} (later tests keep running from there). */
    public void setTo(Instant at) {
        offset.set(Duration.between(Instant.now(Clock.systemUTC()), at));
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(Clock.system(zone), offset.get());
    }

    @Override
    public Instant instant() {
        return Clock.systemUTC().instant().plus(offset.get()).truncatedTo(ChronoUnit.MICROS);
    }
}
