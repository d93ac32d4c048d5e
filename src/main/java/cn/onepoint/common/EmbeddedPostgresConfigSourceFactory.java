package cn.onepoint.common;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.eclipse.microprofile.config.spi.ConfigSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Starts a real, embedded PostgreSQL when no datasource URL is configured, so that a fresh machine needs
 * nothing but a JDK. With {@code QUARKUS_DATASOURCE_REACTIVE_URL} (or the JDBC twin) set, this does nothing
 * and the configured server is used: the production path.
 *
 * <p>One server per JVM: dev-mode hot reloads and several test profiles reuse it (the URL is kept in a
 * system property, which survives class reloading). Dev and prod keep their data under
 * {@code onepoint.embedded-db.dir} (default {@code .onepoint/pgdata}); tests get a fresh throw-away one.
 */
public class EmbeddedPostgresConfigSourceFactory implements ConfigSourceFactory {

    static final String PORT_PROPERTY = "onepoint.embedded-db.running-port";
    private static final Object LOCK = new Object();

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (isSet(context, "quarkus.datasource.reactive.url") || isSet(context, "quarkus.datasource.jdbc.url")) {
            return List.of();
        }
        ConfigValue enabled = context.getValue("onepoint.embedded-db.enabled");
        if (enabled != null && "false".equalsIgnoreCase(enabled.getValue()) || packagingBuild()) {
            return List.of();
        }
        int port = ensureStarted(context);
        String db = "postgres";
        Map<String, String> props = Map.of(
                "quarkus.datasource.reactive.url", "postgresql://localhost:" + port + "/" + db,
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://localhost:" + port + "/" + db,
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres");
        // Ordinal below env vars and system properties, above application.properties.
        return List.of(new PropertiesConfigSource(props, "onepoint-embedded-postgres", 270));
    }

    /**
     * {@code ./mvnw package} reads the configuration while it builds the jar; a database started then would be
     * gone when the jar runs (and its address would be baked in). Dev mode and tests build and run in one JVM,
     * so there the server is started once and reused.
     */
    private static boolean packagingBuild() {
        if (io.quarkus.runtime.LaunchMode.current() != io.quarkus.runtime.LaunchMode.NORMAL) {
            return false;
        }
        return StackWalker.getInstance().walk(frames -> frames.anyMatch(
                f -> f.getClassName().startsWith("io.quarkus.deployment.")));
    }

    private static boolean isSet(ConfigSourceContext context, String name) {
        ConfigValue value = context.getValue(name);
        return value != null && value.getValue() != null && !value.getValue().isBlank();
    }

    private static int ensureStarted(ConfigSourceContext context) {
        synchronized (LOCK) {
            String running = System.getProperty(PORT_PROPERTY);
            if (running != null) {
                return Integer.parseInt(running);
            }
            boolean test = context.getProfiles().contains("test");
            try {
                EmbeddedPostgres.Builder builder = EmbeddedPostgresServer.builder(!test);
                if (!test) {
                    ConfigValue dir = context.getValue("onepoint.embedded-db.dir");
                    Path dataDir = Path.of(dir != null && dir.getValue() != null ? dir.getValue() : ".onepoint/pgdata")
                            .toAbsolutePath();
                    Files.createDirectories(dataDir);
                    builder.setDataDirectory(dataDir).setCleanDataDirectory(false);
                    ConfigValue port = context.getValue("onepoint.embedded-db.port");
                    if (port != null && port.getValue() != null) {
                        builder.setPort(Integer.parseInt(port.getValue()));
                    }
                }
                EmbeddedPostgres pg = builder.start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        pg.close();
                    } catch (IOException ignored) {
                        // the JVM is going away; the OS reclaims the child process
                    }
                }, "embedded-postgres-stop"));
                System.setProperty(PORT_PROPERTY, Integer.toString(pg.getPort()));
                return pg.getPort();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
            }
        }
    }
}
