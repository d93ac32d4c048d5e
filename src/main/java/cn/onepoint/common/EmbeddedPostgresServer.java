package cn.onepoint.common;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The embedded PostgreSQL's settings in one place: the config source starts it for dev, tests and a fresh
 * machine; the integration tests start one in their own JVM for the instances they launch.
 */
public final class EmbeddedPostgresServer {

    private EmbeddedPostgresServer() {
    }

    /** A server with a fresh throw-away data directory and no fsync: for tests. */
    public static EmbeddedPostgres startThrowAway() throws IOException {
        return builder(false).start();
    }

    /**
     * A test server on {@code dataDir} (created when empty, kept when not) and {@code port}, no fsync: a test can
     * stop it and start it again on the same data, as an outage of the database would.
     */
    public static EmbeddedPostgres startKeeping(Path dataDir, int port) throws IOException {
        return builder(false).setDataDirectory(dataDir).setCleanDataDirectory(false).setPort(port).start();
    }

    /** {@code durable} keeps fsync on: dev and prod data should survive a crash, test data need not. */
    static EmbeddedPostgres.Builder builder(boolean durable) {
        return EmbeddedPostgres.builder()
                .setServerConfig("max_connections", "300")
                .setServerConfig("fsync", durable ? "on" : "off");
    }
}
