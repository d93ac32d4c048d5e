package cn.onepoint.auth;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import org.eclipse.microprofile.config.spi.ConfigSource;

import java.util.List;
import java.util.Map;

/**
 * With the dev token issuer enabled ({@code onepoint.auth.dev-issuer.enabled}, true in dev mode and tests) and no
 * OIDC provider configured, quarkus-oidc verifies the dev issuer's tokens: its public key, issuer and audience.
 * Otherwise this adds nothing, so production verifies only the provider of {@code QUARKUS_OIDC_AUTH_SERVER_URL};
 * with neither, no token verifies and every protected endpoint answers 401 (fail closed).
 */
public class DevIssuerConfigSourceFactory implements ConfigSourceFactory {

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (!"true".equalsIgnoreCase(value(context, "onepoint.auth.dev-issuer.enabled", "false"))
                || value(context, "quarkus.oidc.auth-server-url", null) != null) {
            return List.of();
        }
        Map<String, String> props = Map.of(
                "quarkus.oidc.public-key", DevKeys.publicKeyBase64(),
                "quarkus.oidc.token.issuer", value(context, "onepoint.auth.dev-issuer.issuer", "onepoint-dev"),
                "quarkus.oidc.token.audience", value(context, "onepoint.auth.dev-issuer.audience", "onepoint"));
        // Ordinal below env vars and system properties, above application.properties.
        return List.of(new PropertiesConfigSource(props, "onepoint-dev-issuer", 270));
    }

    private static String value(ConfigSourceContext context, String name, String otherwise) {
        ConfigValue v = context.getValue(name);
        return v == null || v.getValue() == null || v.getValue().isBlank() ? otherwise : v.getValue();
    }
}
