package cn.onepoint.it;

import cn.onepoint.TestTokens;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Requests of the load that the integration tests put on a service process, with what came back and how long it
 * took: a request that gets no answer within its timeout is recorded as such, not retried.
 */
public final class ItHttp {

    /** What one request got: a status, or the failure (no answer, connection refused or reset). */
    public record Answer(String method, String path, int status, String contentType, Optional<String> retryAfter,
                         Optional<String> replayed, String body, long startedNanos, long elapsedNanos,
                         Exception failure) {

        public boolean answered() {
            return failure == null;
        }

        public boolean ok() {
            return answered() && status / 100 == 2;
        }

        public JsonObject json() {
            return new JsonObject(body);
        }

        public long elapsedMillis() {
            return elapsedNanos / 1_000_000;
        }

        @Override
        public String toString() {
            return method + " " + path + " → " + (answered() ? status + " " + body : failure) + " in "
                    + elapsedMillis() + " ms";
        }
    }

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private ItHttp() {
    }

    public static Answer post(ServiceProcess to, String path, String json, Map<String, String> headers,
                              Duration timeout) {
        return send(to, "POST", path, json, headers, timeout);
    }

    public static Answer get(ServiceProcess to, String path, Map<String, String> headers, Duration timeout) {
        return send(to, "GET", path, null, headers, timeout);
    }

    /**
     * A request without an {@code Authorization} header to /api/v1 gets the token the tests' REST Assured filter
     * would give it ({@link TestTokens}: the body's actor, else the automation service account).
     */
    private static Answer send(ServiceProcess to, String method, String path, String json,
                               Map<String, String> headers, Duration timeout) {
        HttpRequest.BodyPublisher body = json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json);
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(to.base() + path)).timeout(timeout)
                .method(method, body).header("Content-Type", "application/json");
        headers.forEach(req::header);
        if (headers.keySet().stream().noneMatch("Authorization"::equalsIgnoreCase) && path.startsWith("/api/v1")) {
            req.header("Authorization", TestTokens.authorizationFor(path, json));
        }
        long started = System.nanoTime();
        try {
            HttpResponse<String> r = CLIENT.send(req.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(method, path, r.statusCode(), r.headers().firstValue("Content-Type").orElse(null),
                    r.headers().firstValue("Retry-After"), r.headers().firstValue("Idempotent-Replayed"), r.body(),
                    started, System.nanoTime() - started, null);
        } catch (IOException e) {
            return new Answer(method, path, -1, null, Optional.empty(), Optional.empty(), null, started,
                    System.nanoTime() - started, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(method, path, -1, null, Optional.empty(), Optional.empty(), null, started,
                    System.nanoTime() - started, e);
        }
    }
}
