package cn.onepoint.auth;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /auth/dev-token?login=<person login>} or {@code ?client=<service account>}, optionally
 * {@code &lifetime=PT30S}: a token of the development issuer, public, for dev mode, tests and demos. With
 * {@code onepoint.auth.dev-issuer.enabled} false (the default outside dev and test) the path does not exist (404).
 */
@ApplicationScoped
public class DevTokenRoute {

    public static final String PATH = "/auth/dev-token";

    private final AuthConfig config;
    private final DevIssuer issuer;
    private final ObjectMapper json;

    public DevTokenRoute(AuthConfig config, DevIssuer issuer, ObjectMapper json) {
        this.config = config;
        this.issuer = issuer;
        this.json = json;
    }

    void route(@Observes Router router) {
        router.get(PATH).handler(this::handle);
    }

    void handle(RoutingContext rc) {
        if (!config.devIssuer().enabled()) {
            rc.next();
            return;
        }
        String login = rc.request().getParam("login");
        String client = rc.request().getParam("client");
        if ((login == null || login.isBlank()) == (client == null || client.isBlank())) {
            HttpProblems.write(json, rc, 400, "bad-request", "DEV_TOKEN", "auth.devTokenParams");
            return;
        }
        if (client != null && !config.serviceAccounts().containsKey(client)) {
            HttpProblems.write(json, rc, 400, "bad-request", "DEV_TOKEN", "auth.devTokenClient", client);
            return;
        }
        Duration max = config.devIssuer().maxLifetime();
        Duration lifetime = config.devIssuer().lifetime();
        String asked = rc.request().getParam("lifetime");
        if (asked != null) {
            try {
                lifetime = Duration.parse(asked);
            } catch (DateTimeParseException e) {
                lifetime = null;
            }
            if (lifetime == null || lifetime.compareTo(Duration.ofSeconds(1)) < 0 || lifetime.compareTo(max) > 0) {
                HttpProblems.write(json, rc, 400, "bad-request", "DEV_TOKEN", "auth.devTokenLifetime", max);
                return;
            }
        }
        String token = client != null ? issuer.forClient(client, lifetime) : issuer.forLogin(login, lifetime);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", token);
        body.put("token_type", "Bearer");
        body.put("expires_in", lifetime.toSeconds());
        try {
            rc.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                    .putHeader(HttpHeaders.CACHE_CONTROL, "no-store").end(json.writeValueAsString(body));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            rc.fail(e);
        }
    }
}
