package cn.onepoint.common;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;

/** The one source of "now" for domain code (UTC, microsecond ticks); tests replace it to control time. */
@ApplicationScoped
public class ClockProducer {

    @Produces
    @DefaultBean
    @Singleton
    Clock clock() {
        // PostgreSQL keeps microseconds: ticking in microseconds makes what a command returns equal what is read back.
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }
}
