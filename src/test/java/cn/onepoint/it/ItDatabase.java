package cn.onepoint.it;

import cn.onepoint.common.EmbeddedPostgresServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;

/**
 * A fresh database for service processes started by an integration test, and the test's own JDBC view of it.
 *
 * <p>{@link #create()}: on the server that {@code QUARKUS_DATASOURCE_REACTIVE_URL} names when it is set (the
 * production path), else on an embedded PostgreSQL started in the test JVM, as the service itself does on a fresh
 * machine. {@link #ownServer()}: always on an embedded server of its own that the test may stop and start again on
 * the same port and data directory (a database outage). The database is dropped, or the server stopped, on close.
 */
public final class ItDatabase implements AutoCloseable {

    public final String host;
    public final int port;
    public final String name;
    public final String user;
    public final String password;
    private final String adminDb;
    /** Set for an own server: where its data lives, so that it can be started again. */
    private final Path dataDir;
    private EmbeddedPostgres embedded;

    private ItDatabase(String host, int port, String adminDb, String user, String password,
                       EmbeddedPostgres embedded, Path dataDir) throws SQLException {
        this.host = host;
        this.port = port;
        this.adminDb = adminDb;
        this.user = user;
        this.password = password;
        this.embedded = embedded;
        this.dataDir = dataDir;
        this.name = "onepoint_it_" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection c = DriverManager.getConnection(jdbcUrl(adminDb), user, password);
             Statement s = c.createStatement()) {
            s.execute("create database " + name);
        }
    }

    public static ItDatabase create() throws IOException, SQLException {
        String url = System.getenv("QUARKUS_DATASOURCE_REACTIVE_URL");
        if (url == null || url.isBlank()) {
            EmbeddedPostgres pg = EmbeddedPostgresServer.startThrowAway();
            return new ItDatabase("localhost", pg.getPort(), "postgres", "postgres", "postgres", pg, null);
        }
        // postgresql://host:port/db (Quarkus also accepts a vertx-reactive: prefix)
        URI uri = URI.create(url.replaceFirst("^vertx-reactive:", ""));
        String db = uri.getPath() == null || uri.getPath().length() <= 1 ? "postgres" : uri.getPath().substring(1);
        return new ItDatabase(uri.getHost(), uri.getPort() > 0 ? uri.getPort() : 5432, db,
                env("QUARKUS_DATASOURCE_USERNAME", "postgres"), env("QUARKUS_DATASOURCE_PASSWORD", "postgres"), null,
                null);
    }

    /** A database on an embedded server of its own, which {@link #stopServer()} and {@link #startServer()} control. */
    public static ItDatabase ownServer() throws IOException, SQLException {
        Path dir = Files.createDirectories(Path.of("target", "it-pgdata", UUID.randomUUID().toString())
                .toAbsolutePath());
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        EmbeddedPostgres pg = EmbeddedPostgresServer.startKeeping(dir, port);
        return new ItDatabase("localhost", pg.getPort(), "postgres", "postgres", "postgres", pg, dir);
    }

    private static String env(String name, String otherwise) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? otherwise : value;
    }

    /**
     * Stops the PostgreSQL server (a fast shutdown: its sessions are ended, new connections refused) and keeps its
     * data. Only for {@link #ownServer()}.
     */
    public void stopServer() throws IOException {
        if (dataDir == null || embedded == null) {
            throw new IllegalStateException("not a running server of this test's own");
        }
        embedded.close();
        embedded = null;
    }

    /** Starts the server stopped by {@link #stopServer()} again, on the same port and data directory. */
    public void startServer() throws IOException {
        if (dataDir == null || embedded != null) {
            throw new IllegalStateException("not a stopped server of this test's own");
        }
        embedded = EmbeddedPostgresServer.startKeeping(dataDir, port);
    }

    public String jdbcUrl() {
        return jdbcUrl(name);
    }

    private String jdbcUrl(String db) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + db;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), user, password);
    }

    /** The environment that points a service process at this database. */
    public Map<String, String> serviceEnv() {
        return Map.of(
                "QUARKUS_DATASOURCE_REACTIVE_URL", "postgresql://" + host + ":" + port + "/" + name,
                "QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl(),
                "QUARKUS_DATASOURCE_USERNAME", user,
                "QUARKUS_DATASOURCE_PASSWORD", password,
                "ONEPOINT_EMBEDDED_DB_ENABLED", "false");
    }

    /** The first column of every row of {@code sql}, as longs. */
    public List<Long> longs(String sql, Object... params) throws SQLException {
        List<Long> out = new ArrayList<>();
        for (Object v : column(sql, params)) {
            out.add(((Number) v).longValue());
        }
        return out;
    }

    /** The first column of every row of {@code sql}; a {@code List} parameter is passed as an SQL array. */
    public List<Object> column(String sql, Object... params) throws SQLException {
        try (Connection c = connect(); PreparedStatement ps = prepare(c, sql, params);
             ResultSet rs = ps.executeQuery()) {
            List<Object> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getObject(1));
            }
            return out;
        }
    }

    /**
     * Runs {@code sql} (a {@code select … for update}) in a transaction it leaves open: the rows stay locked until
     * the returned lock is closed, or the server goes away.
     */
    public Held hold(String sql, Object... params) throws SQLException {
        Connection c = connect();
        c.setAutoCommit(false);
        try (PreparedStatement ps = prepare(c, sql, params)) {
            ps.executeQuery().close();
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        return new Held(c);
    }

    /** Row locks held by the test; closing rolls their transaction back. */
    public static final class Held implements AutoCloseable {
        private final Connection connection;

        private Held(Connection connection) {
            this.connection = connection;
        }

        @Override
        public void close() {
            try (connection) {
                connection.rollback();
            } catch (SQLException gone) {
                // the server was stopped meanwhile: it ended the transaction itself
            }
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            if (params[i] instanceof List<?> list) {
                Object first = list.isEmpty() ? null : list.get(0);
                Array array = c.createArrayOf(first instanceof UUID ? "uuid"
                        : first instanceof String ? "text" : "bigint", list.toArray());
                ps.setArray(i + 1, array);
            } else {
                ps.setObject(i + 1, params[i]);
            }
        }
        return ps;
    }

    /** The single long {@code sql} answers. */
    public long count(String sql, Object... params) throws SQLException {
        return longs(sql, params).get(0);
    }

    /** Waits until every committed outbox row has a seq, then returns the last one. */
    public long settledLastSeq(Duration within) {
        return await("every outbox row sequenced").atMost(within).until(() -> longs("""
                select case when exists (select 1 from event_outbox where seq is null) then -1
                            else (select last from feed_sequence where id = 1) end""").get(0), last -> last >= 0);
    }

    /** The seqs of these outbox rows, those that have one. */
    public List<Long> seqsOfRows(List<Long> ids) throws SQLException {
        return longs("select seq from event_outbox where id = any(?) and seq is not null", ids);
    }

    @Override
    public void close() throws Exception {
        if (embedded == null && dataDir == null) {
            try (Connection c = DriverManager.getConnection(jdbcUrl(adminDb), user, password);
                 Statement s = c.createStatement()) {
                // force: a killed instance's sessions may not be gone yet
                s.execute("drop database if exists " + name + " with (force)");
            }
            return;
        }
        if (embedded != null) {
            embedded.close();
            embedded = null;
        }
        if (dataDir != null) {
            try (Stream<Path> files = Files.walk(dataDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }
}
