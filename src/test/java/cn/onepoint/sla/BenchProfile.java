package cn.onepoint.sla;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

/**
 * The benchmark's setting ({@code ./mvnw -B -Pbench test}): the machine's PostgreSQL, a freshly created
 * onepoint_bench database, the scheduled sweep on as in production, notification log lines off.
 */
public class BenchProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("onepoint.sla.sweep-enabled", "true",
                "quarkus.log.category.\"cn.onepoint.notify\".level", "WARN");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(FreshDatabase.class));
    }

    /** Drops and recreates onepoint_bench before the application (and Flyway) start. */
    public static class FreshDatabase implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            String url = System.getProperty("quarkus.datasource.jdbc.url");
            if (url == null || !url.endsWith("/onepoint_bench")) {
                throw new IllegalStateException("Run the benchmark with -Pbench (it needs the onepoint_bench URL)");
            }
            String admin = url.substring(0, url.lastIndexOf('/')) + "/postgres";
            try (Connection c = DriverManager.getConnection(admin, System.getProperty("quarkus.datasource.username"),
                    System.getProperty("quarkus.datasource.password", ""));
                 Statement s = c.createStatement()) {
                s.execute("drop database if exists onepoint_bench with (force)");
                s.execute("create database onepoint_bench");
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot create onepoint_bench at " + admin, e);
            }
            return Map.of();
        }

        @Override
        public void stop() {
            // the database stays, for a look at the figures afterwards
        }
    }
}
