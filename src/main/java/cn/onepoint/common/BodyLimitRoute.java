package cn.onepoint.common;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Locale;

/**
 * A body over {@code quarkus.http.limits.max-body-size} is a 413 problem+json like every other error: the HTTP
 * layer would otherwise answer it with an empty body before JAX-RS sees the request. A declared length over the
 * limit is refused at once (and the connection closed, as the body is not read); a streamed body that grows past it
 * fails the route with 413, which is answered the same way.
 */
@ApplicationScoped
public class BodyLimitRoute {

    /** Just before the HTTP layer's own upload-limit check (RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT, -2). */
    private static final int ORDER = -3;

    private final ObjectMapper json;
    private final long limit;

    public BodyLimitRoute(ObjectMapper json,
                          @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
                          MemorySize limit) {
        this.json = json;
        this.limit = limit.asLongValue();
    }

    void route(@Observes Router router) {
        router.route().order(ORDER).handler(rc -> {
            String length = rc.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && declared(length) > limit) {
                rc.response().putHeader(HttpHeaders.CONNECTION, "close");
                tooLarge(rc);
            } else {
                rc.next();
            }
        });
        router.route().order(ORDER).failureHandler(rc -> {
            if (rc.statusCode() == 413 && !rc.response().headWritten()) {
                tooLarge(rc);
            } else {
                rc.next();
            }
        });
    }

    private void tooLarge(RoutingContext rc) {
        Locale locale = Messages.locale(rc.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        NotFoundRoute.send(rc, json, new Problem(ProblemMapper.TYPE_BASE + "http-413", Messages.text(locale, "title.413"),
                413, Messages.text(locale, "http.413"), "REQUEST_ENTITY_TOO_LARGE", null, null, null));
    }

    private static long declared(String length) {
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
