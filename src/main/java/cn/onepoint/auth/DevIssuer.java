package cn.onepoint.auth;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import jakarta.enterprise.context.ApplicationScoped;

import java.security.PrivateKey;
import java.time.Duration;
import java.util.UUID;

/**
 * Signs RS256 tokens with the development-only key ({@link DevKeys}) as an OIDC provider would: a person's with
 * their login in {@code onepoint.auth.person-claim}, a service account's as Keycloak does for client credentials
 * ({@code azp} and {@code client_id} = the client, {@code preferred_username} = {@code service-account-<client>}).
 * Token times are the wall clock's (quarkus-oidc checks them against it), set by the JWT builder.
 */
@ApplicationScoped
public class DevIssuer {

    private final AuthConfig config;
    private volatile PrivateKey key;

    public DevIssuer(AuthConfig config) {
        this.config = config;
    }

    public String forLogin(String login, Duration lifetime) {
        return sign(base(login).claim(config.personClaim(), login), lifetime);
    }

    public String forClient(String client, Duration lifetime) {
        return sign(base("service-account-" + client).claim(config.personClaim(), "service-account-" + client)
                .claim("azp", client).claim("client_id", client), lifetime);
    }

    private JwtClaimsBuilder base(String subject) {
        return Jwt.issuer(config.devIssuer().issuer()).audience(config.devIssuer().audience()).subject(subject)
                .claim("jti", UUID.randomUUID().toString()).claim("typ", "Bearer");
    }

    private String sign(JwtClaimsBuilder claims, Duration lifetime) {
        if (key == null) {
            key = DevKeys.privateKey();
        }
        return claims.expiresIn(lifetime).jws().keyId("onepoint-dev").sign(key);
    }
}
