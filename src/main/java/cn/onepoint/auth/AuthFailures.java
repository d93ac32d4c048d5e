package cn.onepoint.auth;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.Locale;

/**
 * A request without a valid token is answered 401 problem+json (code {@code UNAUTHENTICATED}), a verified token
 * whose login names nobody in the directory 403 (code {@code AUTH-PERSON}); quarkus-oidc's own answers carry no
 * body. These failures happen before the REST layer, so they are handled on the router.
 */
@ApplicationScoped
public class AuthFailures {

    private final ObjectMapper json;
    private final AuthConfig config;

    public AuthFailures(ObjectMapper json, AuthConfig config) {
        this.json = json;
        this.config = config;
    }

    void route(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::handle);
        // An anonymous request is refused by a challenge without a body; answer it here, before that.
        router.route().order(Integer.MIN_VALUE).handler(rc -> {
            if (rc.request().getHeader(HttpHeaders.AUTHORIZATION) == null && protectedPath(rc)
                    && rc.request().method() != HttpMethod.OPTIONS) {
                unauthenticated(rc, null);
            } else {
                rc.next();
            }
        });
    }

    private boolean protectedPath(RoutingContext rc) {
        String path = rc.normalizedPath();
        return path.equals("/api/v1") || path.startsWith("/api/v1/")
                || !config.publicMetrics() && (path.equals("/q/metrics") || path.startsWith("/q/metrics/"));
    }

    void handle(RoutingContext rc) {
        Throwable f = rc.failure();
        int status = f instanceof HttpException he ? he.getStatusCode() : rc.statusCode();
        if (f instanceof AuthenticationFailedException || f instanceof UnauthorizedException
                || f instanceof AuthenticationCompletionException || (f == null || f instanceof HttpException) && status == 401) {
            unauthenticated(rc, f);
        } else if (f instanceof ForbiddenException || (f == null || f instanceof HttpException) && status == 403) {
            forbidden(rc);
        } else {
            rc.next();
        }
    }

    private void unauthenticated(RoutingContext rc, Throwable f) {
        boolean sent = rc.request().getHeader(HttpHeaders.AUTHORIZATION) != null;
        String key = !sent ? "auth.unauthenticated" : expired(f) ? "auth.expired" : "auth.invalid";
        rc.response().putHeader("WWW-Authenticate", sent ? "Bearer error=\"invalid_token\"" : "Bearer");
        HttpProblems.write(json, rc, 401, "unauthenticated", "UNAUTHENTICATED", key);
    }

    private void forbidden(RoutingContext rc) {
        SecurityIdentity identity = rc.user() instanceof QuarkusHttpUser u ? u.getSecurityIdentity() : null;
        String unknown = identity == null ? null : identity.getAttribute(Actor.UNKNOWN_LOGIN);
        if (unknown != null) {
            HttpProblems.write(json, rc, 403, "forbidden", "AUTH-PERSON", "auth.unknownLogin", unknown);
        } else {
            HttpProblems.write(json, rc, 403, "forbidden", "FORBIDDEN", "auth.forbidden");
        }
    }

    /** Whether the token was refused for its age (jose4j says so in the cause's text). */
    private static boolean expired(Throwable f) {
        for (Throwable c = f; c != null; c = c.getCause()) {
            String m = c.getMessage();
            if (m != null && m.toLowerCase(Locale.ROOT).contains("expir")) {
                return true;
            }
        }
        return false;
    }
}
