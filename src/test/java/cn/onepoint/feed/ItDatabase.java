package cn.onepoint.feed;

import cn.onepoint.common.EmbeddedPostgresServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

/**
 * A fresh database for service processes started by an integration test. On the server that
 * {@code QUARKUS_DATASOURCE_REACTIVE_URL} names when it is set (the production path, as in CI's second pass),
 * else on an embedded PostgreSQL started in the test JVM, as the service itself does on a fresh machine.
 * The database is dropped (or the embedded server stopped) on close.
 */
final class ItDatabase implements AutoCloseable {

    final String host;
    final int port;
    final String name;
    final String user;
    final String password;
    private final String adminDb;
    private final EmbeddedPostgres embedded;

    private ItDatabase(String host, int port, String adminDb, String user, String password,
                       EmbeddedPostgres embedded) throws SQLException {
        this.host = host;
        this.port = port;
        this.adminDb = adminDb;
        this.user = user;
        this.password = password;
        this.embedded = embedded;
        this.name = "onepoint_it_" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection c = DriverManager.getConnection(jdbcUrl(adminDb), user, password);
             Statement s = c.createStatement()) {
            s.execute("create database " + name);
        }
    }

    static ItDatabase create() throws IOException, SQLException {
        String url = System.getenv("QUARKUS_DATASOURCE_REACTIVE_URL");
        if (url == null || url.isBlank()) {
            EmbeddedPostgres pg = EmbeddedPostgresServer.startThrowAway();
            return new ItDatabase("localhost", pg.getPort(), "postgres", "postgres", "postgres", pg);
        }
        // postgresql://host:port/db (Quarkus also accepts a vertx-reactive: prefix)
        URI uri = URI.create(url.replaceFirst("^vertx-reactive:", ""));
        String db = uri.getPath() == null || uri.getPath().length() <= 1 ? "postgres" : uri.getPath().substring(1);
        return new ItDatabase(uri.getHost(), uri.getPort() > 0 ? uri.getPort() : 5432, db,
                env("QUARKUS_DATASOURCE_USERNAME", "postgres"), env("QUARKUS_DATASOURCE_PASSWORD", "postgres"), null);
    }

    private static String env(String name, String otherwise) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? otherwise : value;
    }

    String jdbcUrl() {
        return jdbcUrl(name);
    }

    private String jdbcUrl(String db) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + db;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), user, password);
    }

    /** The environment that points a service process at this database. */
    Map<String, String> serviceEnv() {
        return Map.of(
                "QUARKUS_DATASOURCE_REACTIVE_URL", "postgresql://" + host + ":" + port + "/" + name,
                "QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl(),
                "QUARKUS_DATASOURCE_USERNAME", user,
                "QUARKUS_DATASOURCE_PASSWORD", password);
    }

    @Override
    public void close() throws Exception {
        if (embedded != null) {
            embedded.close();
            return;
        }
        try (Connection c = DriverManager.getConnection(jdbcUrl(adminDb), user, password);
             Statement s = c.createStatement()) {
            // force: a killed instance's sessions may not be gone yet
            s.execute("drop database if exists " + name + " with (force)");
        }
    }
}
