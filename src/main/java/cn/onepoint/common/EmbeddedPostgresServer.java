package cn.onepoint.common;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;

/**
 * The embedded PostgreSQL's settings in one place: the config source starts it for dev, tests and a fresh
 * machine; the two-process integration test starts one in its own JVM for the instances it launches.
 */
public final class EmbeddedPostgresServer {

    private EmbeddedPostgresServer() {
    }

    /** A server with a fresh throw-away data directory and no fsync: for tests. */
    public static EmbeddedPostgres startThrowAway() throws IOException {
        return builder(false).start();
    }

    /** {@code durable} keeps fsync on: dev and prod data should survive a crash, test data need not. */
    static EmbeddedPostgres.Builder builder(boolean durable) {
        return EmbeddedPostgres.builder()
                .setServerConfig("max_connections", "300")
                .setServerConfig("fsync", durable ? "on" : "off");
    }
}
