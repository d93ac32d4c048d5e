package cn.onepoint.common.input;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.time.Instant;

/** Limits on what a request may carry ({@code onepoint.input.*}; env twins {@code ONEPOINT_INPUT_*}). */
@ConfigMapping(prefix = "onepoint.input")
public interface InputConfig {

    /** The earliest instant a body field or a query filter may name; anything before is a typo, not a fact. */
    @WithDefault("2000-01-01T00:00:00Z")
    Instant earliestInstant();

    /** How far past now (the service clock) an instant may lie: due dates and planned windows, not centuries. */
    @WithDefault("P366D")
    Duration maxFuture();
}
