package cn.onepoint.auth;

import cn.onepoint.common.DomainException;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.inject.Instance;

/**
 * The {@link Actor} of the HTTP request being served, as the HTTP security layer resolved it before the request
 * reached the API (proactive authentication): reading it never waits.
 */
@ApplicationScoped
public class Actors {

    private final Instance<CurrentVertxRequest> requests;

    public Actors(Instance<CurrentVertxRequest> requests) {
        this.requests = requests;
    }

    /** The caller; null outside an HTTP request (startup, demo data, timers, WebSocket frames). */
    public Actor current() {
        try {
            RoutingContext rc = requests.get().getCurrent();
            return rc != null && rc.user() instanceof QuarkusHttpUser u ? Actor.of(u.getSecurityIdentity()) : null;
        } catch (ContextNotActiveException e) {
            return null;
        }
    }

    /** The caller, who must be there: every /api/v1 request has one (the HTTP policy refuses it otherwise). */
    public Actor required() {
        Actor a = current();
        if (a == null) {
            throw DomainException.unauthenticated();
        }
        return a;
    }
}
