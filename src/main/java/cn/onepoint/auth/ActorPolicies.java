package cn.onepoint.auth;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityPolicy;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The HTTP permission policies of application.properties ({@code quarkus.http.auth.permission.*}): everything
 * under /api/v1 needs a token that resolves to an {@link Actor}; /q/metrics too unless
 * {@code onepoint.auth.public-metrics} (default true).
 */
public final class ActorPolicies {

    private ActorPolicies() {
    }

    static Uni<HttpSecurityPolicy.CheckResult> requireActor(Uni<SecurityIdentity> identity) {
        return identity.map(id -> Actor.of(id) != null ? HttpSecurityPolicy.CheckResult.PERMIT
                : HttpSecurityPolicy.CheckResult.DENY);
    }

    /** {@code policy=onepoint-actor}. */
    @ApplicationScoped
    public static class ActorRequired implements HttpSecurityPolicy {
        @Override
        public Uni<CheckResult> checkPermission(RoutingContext request, Uni<SecurityIdentity> identity,
                                                AuthorizationRequestContext context) {
            return requireActor(identity);
        }

        @Override
        public String name() {
            return "onepoint-actor";
        }
    }

    /** {@code policy=onepoint-metrics}. */
    @ApplicationScoped
    public static class Metrics implements HttpSecurityPolicy {
        private final AuthConfig config;

        public Metrics(AuthConfig config) {
            this.config = config;
        }

        @Override
        public Uni<CheckResult> checkPermission(RoutingContext request, Uni<SecurityIdentity> identity,
                                                AuthorizationRequestContext context) {
            return config.publicMetrics() ? Uni.createFrom().item(CheckResult.PERMIT) : requireActor(identity);
        }

        @Override
        public String name() {
            return "onepoint-metrics";
        }
    }
}
