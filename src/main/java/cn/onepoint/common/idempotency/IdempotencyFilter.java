package cn.onepoint.common.idempotency;

import cn.onepoint.common.DomainException;
import cn.onepoint.common.FieldErrors;
import cn.onepoint.common.idempotency.IdempotencyStore.Claim;
import cn.onepoint.common.idempotency.IdempotencyStore.Existing;
import cn.onepoint.common.idempotency.IdempotencyStore.Outcome;
import cn.onepoint.common.idempotency.IdempotencyStore.Scope;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import io.quarkus.runtime.configuration.MemorySize;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;

/**
 * {@code Idempotency-Key} on every POST (API.md; docs/idempotency.md): the first request with a key claims it
 * and runs; its response is recorded; a retry with the same key and body gets that response replayed and runs
 * nothing. Requests without the header pass untouched.
 */
public class IdempotencyFilter {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";
    static final int MAX_LENGTH = 255;

    private static final Logger LOG = Logger.getLogger(IdempotencyFilter.class);
    private static final String CLAIM = IdempotencyFilter.class.getName() + ".claim";

    private final IdempotencyStore store;
    private final IdempotencyConfig config;
    private final Clock clock;
    private final ObjectMapper json;
    private final long maxBodySize;

    public IdempotencyFilter(IdempotencyStore store, IdempotencyConfig config, Clock clock, ObjectMapper json,
                             @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
                             MemorySize maxBodySize) {
        this.store = store;
        this.config = config;
        this.clock = clock;
        this.json = json;
        this.maxBodySize = maxBodySize.asLongValue();
    }

    @ServerRequestFilter
    public Uni<Response> claim(ContainerRequestContext request, RoutingContext rc) {
        List<String> given = request.getHeaders().get(HEADER);
        if (!HttpMethod.POST.equals(request.getMethod()) || given == null) {
            return Uni.createFrom().nullItem();
        }
        String key = given.size() == 1 ? key(given.get(0)) : null;
        if (key == null) {
            return Uni.createFrom().failure(FieldErrors.single(HEADER, "field.idempotencyKey", MAX_LENGTH));
        }
        Scope scope = new Scope(key, request.getMethod(), rc.request().path());
        return body(rc).chain(bytes -> {
            // The resource reads the body from here: it has been consumed from the connection.
            request.setEntityStream(new ByteArrayInputStream(bytes));
            return claimOrAnswer(request, scope, sha256(bytes), 0);
        });
    }

    private Uni<Response> claimOrAnswer(ContainerRequestContext request, Scope scope, String hash, int attempt) {
        return store.claim(scope, hash).chain(claim -> {
            if (claim != null) {
                request.setProperty(CLAIM, claim);
                return Uni.createFrom().nullItem();
            }
            return store.find(scope).chain(existing -> existing == null && attempt < 2
                    // released or purged between the two statements: try the claim again
                    ? claimOrAnswer(request, scope, hash, attempt + 1)
                    : Uni.createFrom().item(answer(existing, hash)));
        });
    }

    /** The answer to a request whose key is taken: a replay, or a refusal that runs nothing. */
    Response answer(Existing existing, String hash) {
        if (existing == null) {
            throw inProgress();
        }
        if (!existing.requestHash().equals(hash)) {
            throw DomainException.idempotencyKey(422, "IDEMPOTENCY_KEY_REUSED", "idempotency.reused");
        }
        Outcome o = existing.outcome();
        if (o == null) {
            // Past the timeout the first request is presumed lost, but it may have committed: never run again.
            if (existing.claimedAt().plus(config.inProgressTimeout()).isBefore(clock.instant())) {
                throw DomainException.idempotencyKey(409, "IDEMPOTENCY_OUTCOME_UNKNOWN", "idempotency.outcomeUnknown");
            }
            throw inProgress();
        }
        Response.ResponseBuilder r = Response.status(o.status()).entity(o.body()).header(REPLAYED, "true");
        if (o.contentType() != null) {
            r.header(HttpHeaders.CONTENT_TYPE, o.contentType());
        }
        if (o.location() != null) {
            r.header(HttpHeaders.LOCATION, o.location());
        }
        if (o.etag() != null) {
            r.header(HttpHeaders.ETAG, o.etag());
        }
        return r.build();
    }

    @ServerResponseFilter
    public Uni<Void> record(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(CLAIM) instanceof Claim claim)) {
            return Uni.createFrom().voidItem();
        }
        // A 5xx is the service's failure, not an answer: give the key back so the client may retry.
        Uni<Void> write = response.getStatus() >= 500 ? store.release(claim) : outcome(response)
                .chain(o -> store.complete(claim, o));
        // The command has run; failing the response now would only invite a second run. The key stays
        // in progress and answers 409 until retention (docs/idempotency.md).
        return write.onFailure().recoverWithUni(e -> {
            LOG.errorf(e, "Idempotency-Key %s on %s: response not recorded", claim.scope().key(), claim.scope().path());
            return Uni.createFrom().voidItem();
        });
    }

    private Uni<Outcome> outcome(ContainerResponseContext response) {
        Object entity = response.getEntity();
        String body;
        try {
            body = entity == null || entity instanceof String ? (String) entity : json.writeValueAsString(entity);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
        MediaType type = response.getMediaType();
        return Uni.createFrom().item(new Outcome(response.getStatus(),
                type == null ? (body == null ? null : MediaType.APPLICATION_JSON) : type.toString(),
                response.getHeaderString(HttpHeaders.LOCATION), response.getHeaderString(HttpHeaders.ETAG), body));
    }

    /**
     * The key, or null when malformed: 1–255 printable ASCII characters. The IETF draft sends it as a
     * structured-field string ({@code "…"}); the quotes are not part of the key, so both forms name the same key.
     */
    static String key(String raw) {
        String k = raw.length() >= 2 && raw.startsWith("\"") && raw.endsWith("\"")
                ? raw.substring(1, raw.length() - 1) : raw;
        if (k.isEmpty() || k.length() > MAX_LENGTH) {
            return null;
        }
        for (int i = 0; i < k.length(); i++) {
            char c = k.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                return null;
            }
        }
        return k;
    }

    private static DomainException inProgress() {
        return DomainException.idempotencyKey(409, "IDEMPOTENCY_IN_PROGRESS", "idempotency.inProgress");
    }

    /**
     * Reads the whole body without blocking (the request is paused until something reads it), no more than
     * {@code quarkus.http.limits.max-body-size}: this read bypasses the server's own limit, so it applies it.
     */
    private Uni<byte[]> body(RoutingContext rc) {
        if (rc.body() != null && rc.body().buffer() != null) {
            return Uni.createFrom().item(rc.body().buffer().getBytes());
        }
        HttpServerRequest request = rc.request();
        long declared = contentLength(request);
        if (declared > maxBodySize) {
            return Uni.createFrom().failure(tooLarge());
        }
        if ("100-continue".equalsIgnoreCase(request.getHeader("Expect"))) {
            rc.response().writeContinue();
        }
        return Uni.createFrom().<byte[]>emitter(em -> {
            Buffer all = Buffer.buffer();
            request.handler(chunk -> {
                if (all.length() + chunk.length() > maxBodySize) {
                    request.handler(null);
                    em.fail(tooLarge());
                    return;
                }
                all.appendBuffer(chunk);
            });
            request.exceptionHandler(em::fail);
            request.endHandler(v -> em.complete(all.getBytes()));
            request.resume();
        });
    }

    private static long contentLength(HttpServerRequest request) {
        try {
            String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
            return length == null ? -1 : Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** 413, as the server answers a body over its limit without the header. */
    private static WebApplicationException tooLarge() {
        return new WebApplicationException((String) null, Response.Status.REQUEST_ENTITY_TOO_LARGE.getStatusCode());
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
