package cn.onepoint;

import cn.onepoint.auth.DevKeys;
import io.restassured.RestAssured;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tokens for tests, signed with the development issuer's key exactly as {@code GET /auth/dev-token} signs them
 * (issuer {@code onepoint-dev}, audience {@code onepoint}), plus the broken ones the 401 tests need.
 */
public final class Tokens {

    public static final String ISSUER = "onepoint-dev";
    public static final String AUDIENCE = "onepoint";

    private static final Map<String, String> BY_LOGIN = new ConcurrentHashMap<>();
    private static final Map<String, String> BY_CLIENT = new ConcurrentHashMap<>();
    private static final Map<String, String> LOGIN_OF = new ConcurrentHashMap<>();
    private static volatile PrivateKey key;

    private Tokens() {
    }

    /** A person's token (8 h). */
    public static String forLogin(String login) {
        return BY_LOGIN.computeIfAbsent(login, l -> withLifetime(l, Duration.ofHours(8)));
    }

    /** The token of the person with this id: their login is looked up once through the API. */
    public static String forPersonId(String personId) {
        return forLogin(loginOf(personId));
    }

    /** A service account's token (client credentials): {@code automation}, {@code alarm-gateway}, ... */
    public static String service(String client) {
        return BY_CLIENT.computeIfAbsent(client, c -> sign(base("service-account-" + c)
                .claim("preferred_username", "service-account-" + c).claim("azp", c).claim("client_id", c),
                Duration.ofHours(8)));
    }

    /** A person's token that expired an hour ago. */
    public static String expired(String login) {
        Instant now = Instant.now();
        return base(login).claim("preferred_username", login).issuedAt(now.minus(Duration.ofHours(2)))
                .expiresAt(now.minus(Duration.ofHours(1))).jws().keyId("onepoint-dev").sign(key());
    }

    public static String withLifetime(String login, Duration lifetime) {
        return sign(base(login).claim("preferred_username", login), lifetime);
    }

    /** Signed with the right key but by another issuer. */
    public static String wrongIssuer(String login) {
        return Jwt.issuer("https://elsewhere.example/realms/x").audience(AUDIENCE).subject(login)
                .claim("preferred_username", login).expiresIn(Duration.ofHours(1)).jws().keyId("onepoint-dev").sign(key());
    }

    /** Signed with the right key by the right issuer, but meant for another service (its audience). */
    public static String wrongAudience(String login) {
        return Jwt.issuer(ISSUER).audience("another-service").subject(login)
                .claim("preferred_username", login).expiresIn(Duration.ofHours(1)).jws().keyId("onepoint-dev").sign(key());
    }

    /** Right issuer and claims, signed with a key nobody trusts. */
    public static String badSignature(String login) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return base(login).claim("preferred_username", login).expiresIn(Duration.ofHours(1))
                    .jws().keyId("onepoint-dev").sign(g.generateKeyPair().getPrivate());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code Bearer <token>}, for an {@code Authorization} header. */
    public static String bearer(String token) {
        return "Bearer " + token;
    }

    public static String bearerFor(String login) {
        return bearer(forLogin(login));
    }

    public static String bearerForPerson(String personId) {
        return bearer(forPersonId(personId));
    }

    public static String bearerService(String client) {
        return bearer(service(client));
    }

    /** The login of a person; an id the API does not know stays itself (its token then names nobody). */
    public static String loginOf(String personId) {
        String known = LOGIN_OF.get(personId);
        if (known != null) {
            return known;
        }
        io.restassured.response.Response r = RestAssured.given().noFilters()
                .header("Authorization", bearer(service("automation")))
                .get("/api/v1/people/" + personId);
        if (r.statusCode() != 200) {
            return personId;
        }
        String login = r.path("login");
        LOGIN_OF.put(personId, login);
        return login;
    }

    private static JwtClaimsBuilder base(String subject) {
        return Jwt.issuer(ISSUER).audience(AUDIENCE).subject(subject).claim("jti", UUID.randomUUID().toString());
    }

    private static String sign(JwtClaimsBuilder claims, Duration lifetime) {
        return claims.expiresIn(lifetime).jws().keyId("onepoint-dev").sign(key());
    }

    private static PrivateKey key() {
        if (key == null) {
            key = DevKeys.privateKey();
        }
        return key;
    }
}
