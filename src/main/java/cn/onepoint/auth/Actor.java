package cn.onepoint.auth;

import cn.onepoint.directory.Role;
import cn.onepoint.directory.Tier;
import io.quarkus.security.identity.SecurityIdentity;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/**
 * Who is calling, as the verified token says and the directory knows them: a person (their unit, tier, province
 * and O2 roles come from the directory, never from the token) or a service account (configured roles and scope).
 * Resolved once per request by {@link ActorAugmentor}; {@link Actors#current()} hands it to services.
 *
 * @param personId   the person, or null for a service account
 * @param client     the service account's client id, or null for a person
 * @param unitId     the person's unit (a service account's configured unit, or null)
 */
public record Actor(UUID personId, String login, String client, UUID unitId, Tier tier, String province,
                    Set<Role> roles, Set<ServiceRole> serviceRoles, Scope scope) {

    /** The attribute of the {@link SecurityIdentity} that holds the actor. */
    public static final String ATTRIBUTE = "onepoint.actor";
    /** Set instead when the token's login names nobody in the directory. */
    public static final String UNKNOWN_LOGIN = "onepoint.unknown-login";

    public static Actor person(UUID personId, String login, UUID unitId, Tier tier, String province, Set<Role> roles) {
        Scope scope = switch (tier) {
            case GROUP -> Scope.GROUP;
            case PROVINCE -> new Scope(Tier.PROVINCE, null, province);
            case LOCAL -> new Scope(Tier.LOCAL, unitId, province);
        };
        return new Actor(personId, login, null, unitId, tier, province,
                roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles),
                EnumSet.noneOf(ServiceRole.class), scope);
    }

    public static Actor service(String client, UUID unitId, Tier tier, String province, Set<ServiceRole> roles,
                                Scope scope) {
        return new Actor(null, null, client, unitId, tier, province, EnumSet.noneOf(Role.class),
                roles.isEmpty() ? EnumSet.noneOf(ServiceRole.class) : EnumSet.copyOf(roles), scope);
    }

    /** The actor of an authenticated identity, or null (anonymous, or a login the directory does not know). */
    public static Actor of(SecurityIdentity identity) {
        return identity == null || identity.isAnonymous() ? null : identity.getAttribute(ATTRIBUTE);
    }

    public boolean isPerson() {
        return personId != null;
    }

    public boolean isService() {
        return client != null;
    }

    /** What history and feed events record: the person's id, or {@code service:<client>}. */
    public String subject() {
        return isPerson() ? personId.toString() : "service:" + client;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean has(ServiceRole role) {
        return serviceRoles.contains(role);
    }

    /**
     * Whether this actor may see a record or feed event that involves these units (ids) and provinces: the feed
     * asks it per event with the event's unit and province (docs/security.md, "Scoping").
     */
    public boolean maySee(java.util.Collection<UUID> units, java.util.Collection<String> provinces) {
        return scope.sees(units, provinces);
    }
}
