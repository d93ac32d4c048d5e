package cn.onepoint.feed;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Live-feed settings ({@code onepoint.feed.*}; env twins {@code ONEPOINT_FEED_*}, listed in docs/feed.md). */
@ConfigMapping(prefix = "onepoint.feed")
public interface FeedConfig {

    /** How long sequenced events stay replayable; a {@code since} older than that closes with 4410. */
    @WithDefault("P7D")
    Duration retention();

    /** How often the relay leader purges events past retention ({@code off} disables the job). */
    @WithDefault("1h")
    String purgeInterval();

    /** Safety-net poll for both relay and fan-out, in case a NOTIFY is lost. */
    @WithDefault("500ms")
    Duration pollInterval();

    /** Messages one connection may have queued and not yet written before it is closed as too slow (4408). */
    @WithDefault("1000")
    int buffer();

    /**
     * How long a connection closed as too slow gets to read its close frame before its TCP connection is
     * dropped (a client that reads nothing would otherwise hold it open).
     */
    @WithDefault("5s")
    Duration closeGrace();

    /** Replay pages read and in flight at once on one instance (bounds memory when many clients resume). */
    @WithDefault("16")
    int replayConcurrency();

    /**
     * A replay page (up to page-size messages) must reach the client's socket within this time; a client that
     * reads slower than that is closed as too slow (4408) and its replay turn goes to the next connection.
     */
    @WithDefault("30s")
    Duration replayWriteTimeout();

    /**
     * Full replay pages read from the table kept in memory for other connections replaying the same range (LRU;
     * 0 = none). About page-size × 1–3 KB each.
     */
    @WithDefault("32")
    int replayCachePages();

    /** Rows read per page when replaying after {@code since} and when fanning out. */
    @WithDefault("500")
    int pageSize();

    /**
     * Shortest time between two fan-out rounds. Events sequenced within one interval go to each connection in
     * one write (one system call per connection per round instead of one per event); an event arriving after a
     * quiet interval goes out at once. The cost is at most this much added latency under load; 50 ms measured
     * best at 2,000 connections × 500 events/s on two cores (docs/performance.md).
     */
    @WithDefault("50ms")
    Duration roundInterval();

    /**
     * Events the fan-out keeps in memory, already framed, for connections resuming with a recent {@code since}
     * (no query per resume; 0 = always replay from the table). About 1–3 KB each.
     */
    @WithDefault("10000")
    int recentEvents();

    /**
     * Server ping interval on every feed connection. Applied through
     * {@code quarkus.websockets-next.server.auto-ping-interval=${onepoint.feed.ping-interval}}.
     */
    @WithDefault("30s")
    Duration pingInterval();

    Relay relay();

    interface Relay {
        /** Whether this instance takes part in the election for the relay (every instance may, one wins). */
        @WithDefault("true")
        boolean enabled();

        /** Advisory-lock key that elects the one relay per database. */
        @WithDefault("4770101")
        long lockKey();

        /** How often a standby instance tries to take the lock. */
        @WithDefault("2s")
        Duration electionInterval();

        /** Rows sequenced per relay transaction. */
        @WithDefault("1000")
        int batchSize();

        /**
         * Shortest time between two relay transactions. Rows committed within one interval get their seq in
         * one transaction instead of one each; at most this much is added to the feed's latency under load.
         */
        @WithDefault("10ms")
        Duration roundInterval();

        /**
         * The relay's connection is given up when PostgreSQL does not answer a round within this time (a network
         * that fails without closing the connection); the server ends the session after this much silence
         * (idle_session_timeout, idle_in_transaction_session_timeout), releasing the advisory lock for a standby.
         * At least three poll and election intervals.
         */
        @WithDefault("10s")
        Duration timeout();
    }
}
