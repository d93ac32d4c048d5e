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

/**
 * The test clock: real time plus an offset tests can move forward, so no test sleeps for minutes. A test that needs
 * an exact instant (a boundary to the microsecond) freezes it; {@link #setTo} lets it run again.
 */
@Singleton
@Alternative
@Priority(1)
public class MutableClock extends Clock {

    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);
    private final AtomicReference<Instant> frozen = new AtomicReference<>();

    /** Moves the clock forward; a frozen clock stays frozen, {@code d} later. */
    public void advance(Duration d) {
        offset.updateAndGet(o -> o.plus(d));
        frozen.updateAndGet(f -> f == null ? null : f.plus(d));
    }

    /** Moves the clock so that now is {@code at} (later tests keep running from there); unfreezes it. */
    public void setTo(Instant at) {
        offset.set(Duration.between(Instant.now(Clock.systemUTC()), at));
        frozen.set(null);
    }

    private volatile Instant returnTo;
    private volatile long leftAtNanos;

    /**
     * Moves the clock {@code d} back and remembers where it was, for a test that then moves through days without
     * leaving events dated after the time the other tests run at; {@link #comeBack} returns to that point.
     */
    public void goBack(Duration d) {
        Instant now = instant();
        returnTo = now;
        leftAtNanos = System.nanoTime();
        setTo(now.minus(d));
    }

    /** Back to where {@link #goBack} left, as if the clock had run on meanwhile (unfrozen). */
    public void comeBack() {
        if (returnTo != null) {
            setTo(returnTo.plusNanos(System.nanoTime() - leftAtNanos));
            returnTo = null;
        }
    }

    /** Stops the clock at {@code at} until the next {@link #setTo}. */
    public void freezeAt(Instant at) {
        offset.set(Duration.between(Instant.now(Clock.systemUTC()), at));
        frozen.set(at.truncatedTo(ChronoUnit.MICROS));
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        Instant f = frozen.get();
        return f != null ? Clock.fixed(f, zone) : Clock.offset(Clock.system(zone), offset.get());
    }

    @Override
    public Instant instant() {
        Instant f = frozen.get();
        return f != null ? f : Clock.systemUTC().instant().plus(offset.get()).truncatedTo(ChronoUnit.MICROS);
    }
}
