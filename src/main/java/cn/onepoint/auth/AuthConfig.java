package cn.onepoint.auth;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Authentication settings (docs/security.md). Tokens themselves are verified by quarkus-oidc
 * ({@code quarkus.oidc.*}); these say how a verified token becomes an {@link Actor}.
 */
@ConfigMapping(prefix = "onepoint.auth")
public interface AuthConfig {

    /** The claim that carries a person's login ({@code person.login}). */
    @WithDefault("preferred_username")
    String personClaim();

    /** Whether {@code /q/metrics} answers without a token. */
    @WithDefault("true")
    boolean publicMetrics();

    DevIssuer devIssuer();

    /** Client-credentials clients recognised by their {@code azp} / {@code client_id} claim. */
    Map<String, ServiceAccount> serviceAccounts();

    /** The development token issuer: {@code GET /auth/dev-token}. Never enabled in production. */
    interface DevIssuer {
        @WithDefault("false")
        boolean enabled();

        /** The {@code iss} claim it signs and quarkus-oidc then requires. */
        @WithDefault("onepoint-dev")
        String issuer();

        @WithDefault("onepoint")
        String audience();

        /** How long a token lives unless {@code lifetime=} asks for less. */
        @WithDefault("PT8H")
        Duration lifetime();

        /** The longest lifetime a caller may ask for. */
        @WithDefault("P1D")
        Duration maxLifetime();
    }

    interface ServiceAccount {
        Set<ServiceRole> roles();

        /** Code of the unit the account acts from (history records it); none by default. */
        Optional<String> unit();

        /** What it sees: GROUP (everything) or the code of a unit whose scope it shares. */
        @WithDefault("GROUP")
        String scope();
    }
}
