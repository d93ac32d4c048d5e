package cn.onepoint.feed;

import io.vertx.pgclient.PgConnectOptions;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;

/**
 * Connection options for the feed's own long-lived connections (the relay's lock holder and the LISTEN
 * connection), built from the same datasource settings as the pool, so that they reach the same database.
 */
@ApplicationScoped
public class PgOptions {

    private final String url;
    private final Optional<String> user;
    private final Optional<String> password;

    public PgOptions(@ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
                     @ConfigProperty(name = "quarkus.datasource.username") Optional<String> user,
                     @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    public PgConnectOptions options() {
        // Quarkus accepts a "vertx-reactive:" prefix; the Vert.x parser does not.
        String uri = url.startsWith("vertx-reactive:") ? url.substring("vertx-reactive:".length()) : url;
        PgConnectOptions options = PgConnectOptions.fromUri(uri);
        user.ifPresent(options::setUser);
        password.ifPresent(options::setPassword);
        return options.setReconnectAttempts(0).setPipeliningLimit(16);
    }
}
