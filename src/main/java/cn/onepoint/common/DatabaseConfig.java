package cn.onepoint.common;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * How the API behaves when PostgreSQL cannot be reached ({@code onepoint.database.*}; env twins
 * {@code ONEPOINT_DATABASE_*}; docs/reliability.md). Applied to the reactive pool by {@link BoundedPool}.
 */
@ConfigMapping(prefix = "onepoint.database")
public interface DatabaseConfig {

    /**
     * The longest a request waits for a pooled connection before it is answered 503 instead of waiting for the
     * database to come back; also the longest a new connection may take to be established over TCP.
     */
    @WithDefault("PT2S")
    Duration connectionWait();

    /** Requests that may wait for a connection at once; beyond it they are answered 503 at once (-1: no limit). */
    @WithDefault("-1")
    int maxWaiting();

    /** The {@code Retry-After} of a 503 answered because the database cannot be reached (whole seconds). */
    @WithDefault("PT5S")
    Duration retryAfter();
}
