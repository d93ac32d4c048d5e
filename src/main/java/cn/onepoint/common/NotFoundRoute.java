package cn.onepoint.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.Locale;

/**
 * A path nothing serves (outside {@code /api/v1}, where {@link ProblemMapper} answers) is a 404 problem+json like
 * every other error, instead of the framework's page, which in dev mode lists every route of the service.
 */
@ApplicationScoped
public class NotFoundRoute {

    private final ObjectMapper json;

    public NotFoundRoute(ObjectMapper json) {
        this.json = json;
    }

    void route(@Observes Router router) {
        // After every other route: the API, static files (the wallboard), /q/*, the WebSocket feeds.
        router.route().order(Integer.MAX_VALUE).handler(rc -> {
            Locale locale = Messages.locale(rc.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE));
            Problem p = new Problem(ProblemMapper.TYPE_BASE + "http-404", Messages.text(locale, "title.404"), 404,
                    Messages.text(locale, "pathNotFound", rc.request().path()), "NOT_FOUND", null, null, null);
            send(rc, json, p);
        });
    }

    /** Answers with the problem, outside JAX-RS (a Vert.x route). */
    static void send(io.vertx.ext.web.RoutingContext rc, ObjectMapper json, Problem p) {
        try {
            rc.response().setStatusCode(p.status()).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .end(json.writeValueAsString(p));
        } catch (JsonProcessingException e) {
            rc.fail(e);
        }
    }
}
