package cn.onepoint.auth;

import cn.onepoint.directory.Role;
import cn.onepoint.directory.RolesConverter;
import cn.onepoint.directory.Tier;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Turns a verified token into an {@link Actor}: a service account by its {@code azp} / {@code client_id} claim
 * (configured under {@code onepoint.auth.service-accounts}), otherwise a person by the login in
 * {@code onepoint.auth.person-claim}, looked up in the directory. Roles, unit and scope come from the directory
 * (or the configuration), never from the token; they are also added as identity roles.
 */
@ApplicationScoped
public class ActorAugmentor implements SecurityIdentityAugmentor {

    private static final String SERVICE_ACCOUNT_PREFIX = "service-account-";
    private static final RolesConverter ROLES = new RolesConverter();

    private final Pool pool;
    private final AuthConfig config;

    public ActorAugmentor(Pool pool, AuthConfig config) {
        this.pool = pool;
        this.config = config;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)
                || identity.getAttribute(Actor.ATTRIBUTE) != null) {
            return Uni.createFrom().item(identity);
        }
        String login = claim(jwt, config.personClaim());
        String client = claim(jwt, "azp");
        if (client == null) {
            client = claim(jwt, "client_id");
        }
        AuthConfig.ServiceAccount account = client == null ? null : config.serviceAccounts().get(client);
        if (account != null && (login == null || login.startsWith(SERVICE_ACCOUNT_PREFIX))) {
            return service(identity, client, account);
        }
        if (login == null || !plausible(login)) {
            // person.login is at most 64 printable characters: anything else names nobody, without a query
            return Uni.createFrom().item(unknown(identity, login == null ? "" : login.replaceAll("\\p{Cntrl}", "?")));
        }
        return pool.preparedQuery("select p.id, p.roles, u.id as unit_id, u.tier, u.province from person p "
                        + "join unit u on u.id = p.unit_id where p.login = $1")
                .execute(Tuple.of(login))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return unknown(identity, login);
                    }
                    Row r = rows.iterator().next();
                    Set<Role> roles = ROLES.convertToEntityAttribute(r.getString("roles"));
                    Actor actor = Actor.person(r.getUUID("id"), login, r.getUUID("unit_id"),
                            Tier.valueOf(r.getString("tier")), r.getString("province"), roles);
                    return with(identity, actor);
                });
    }

    private Uni<SecurityIdentity> service(SecurityIdentity identity, String client, AuthConfig.ServiceAccount account) {
        boolean group = "GROUP".equalsIgnoreCase(account.scope());
        List<String> codes = new ArrayList<>();
        if (!group) {
            codes.add(account.scope());
        }
        account.unit().ifPresent(codes::add);
        // the scope's unit and the account's own unit, in one query (often the same unit)
        Uni<Map<String, Row>> units = codes.isEmpty() ? Uni.createFrom().item(Map.of())
                : pool.preparedQuery("select code, id, tier, province from unit where code = any($1)")
                        .execute(Tuple.of(codes.toArray(String[]::new)))
                        .map(rows -> {
                            Map<String, Row> byCode = new HashMap<>();
                            rows.forEach(r -> byCode.put(r.getString("code"), r));
                            return byCode;
                        });
        return units.map(byCode -> {
            Scope scope = group ? Scope.GROUP : scopeOf(byCode.get(account.scope()));
            if (scope == null) {
                // a scope naming no unit sees nothing rather than everything
                return unknown(identity, "service:" + client);
            }
            Row u = account.unit().map(byCode::get).orElse(null);
            Actor actor = Actor.service(client, u == null ? null : u.getUUID("id"),
                    u == null ? null : Tier.valueOf(u.getString("tier")), u == null ? null : u.getString("province"),
                    account.roles(), scope);
            return with(identity, actor);
        });
    }

    private static Scope scopeOf(Row u) {
        return u == null ? null : switch (Tier.valueOf(u.getString("tier"))) {
            case GROUP -> Scope.GROUP;
            case PROVINCE -> new Scope(Tier.PROVINCE, null, u.getString("province"));
            case LOCAL -> new Scope(Tier.LOCAL, u.getUUID("id"), u.getString("province"));
        };
    }

    private static SecurityIdentity with(SecurityIdentity identity, Actor actor) {
        QuarkusSecurityIdentity.Builder b = QuarkusSecurityIdentity.builder(identity).addAttribute(Actor.ATTRIBUTE, actor);
        actor.roles().forEach(r -> b.addRole(r.name()));
        actor.serviceRoles().forEach(r -> b.addRole(r.name()));
        return b.build();
    }

    private static SecurityIdentity unknown(SecurityIdentity identity, String login) {
        return QuarkusSecurityIdentity.builder(identity).addAttribute(Actor.UNKNOWN_LOGIN, login).build();
    }

    private static boolean plausible(String login) {
        return login.length() <= 64 && login.chars().noneMatch(Character::isISOControl);
    }

    private static String claim(JsonWebToken jwt, String name) {
        Object v = jwt.getClaim(name);
        if (v == null) {
            return null;
        }
        String s = v instanceof jakarta.json.JsonString js ? js.getString() : v.toString();
        return s.isBlank() ? null : s;
    }
}
