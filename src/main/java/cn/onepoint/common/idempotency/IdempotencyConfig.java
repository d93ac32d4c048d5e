package cn.onepoint.common.idempotency;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** {@code Idempotency-Key} settings ({@code onepoint.idempotency.*}; env twins {@code ONEPOINT_IDEMPOTENCY_*}). */
@ConfigMapping(prefix = "onepoint.idempotency")
public interface IdempotencyConfig {

    /** How long a key is remembered; an older key counts as never used, and the purge deletes it. */
    @WithDefault("PT24H")
    Duration retention();

    /**
     * How long a claimed key may stay without its recorded response before the service stops saying "still
     * running, retry" and says "outcome unknown" (docs/idempotency.md, "The crash window").
     */
    @WithDefault("PT60S")
    Duration inProgressTimeout();

    /** How often expired keys are deleted ({@code off} disables the job). */
    @WithDefault("1h")
    String purgeInterval();
}
