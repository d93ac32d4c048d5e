package cn.onepoint.auth;

import cn.onepoint.directory.Tier;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What an actor may see and act on (docs/security.md, "Scoping"): a GROUP unit's people everything, a PROVINCE
 * unit's people their province, a LOCAL unit's people what involves their own unit. The one home of the scope
 * predicate: queries and the feed ask it.
 *
 * @param tier     GROUP, PROVINCE or LOCAL
 * @param unitId   the unit of a LOCAL scope
 * @param province the province of a PROVINCE (and LOCAL) scope
 */
public record Scope(Tier tier, UUID unitId, String province) {

    public static final Scope GROUP = new Scope(Tier.GROUP, null, null);

    public boolean all() {
        return tier == Tier.GROUP;
    }

    /** Whether a unit (by id and province) is inside this scope. */
    public boolean covers(UUID unit, String unitProvince) {
        return switch (tier) {
            case GROUP -> true;
            case PROVINCE -> province != null && province.equals(unitProvince);
            case LOCAL -> unitId != null && unitId.equals(unit);
        };
    }

    /**
     * Whether something that involves these units (their ids) and these provinces is visible: any one in scope is
     * enough. A LOCAL scope looks at the units, a PROVINCE scope at the provinces.
     */
    public boolean sees(Collection<UUID> units, Collection<String> provinces) {
        return switch (tier) {
            case GROUP -> true;
            case PROVINCE -> provinces.stream().anyMatch(p -> Objects.equals(p, province));
            case LOCAL -> units.stream().anyMatch(u -> Objects.equals(u, unitId));
        };
    }

    /** The query parameter a JPQL predicate of this scope binds; null for GROUP (no predicate). */
    public String parameter() {
        return switch (tier) {
            case GROUP -> null;
            case PROVINCE -> "scopeProvince";
            case LOCAL -> "scopeUnit";
        };
    }

    /** Its value: the province or the unit id; null for GROUP. */
    public Object value() {
        return switch (tier) {
            case GROUP -> null;
            case PROVINCE -> province;
            case LOCAL -> unitId;
        };
    }

    /** JPQL: the unit id {@code unitExpr} is inside this scope (binds {@link #parameter()}). */
    public String unitIn(String unitExpr) {
        return switch (tier) {
            case GROUP -> "1 = 1";
            case PROVINCE -> unitExpr + " in (select su.id from Unit su where su.province = :scopeProvince)";
            case LOCAL -> unitExpr + " = :scopeUnit";
        };
    }

    /** JPQL: the person id {@code personExpr} names a person of a unit inside this scope ({@code alias}: unique). */
    public String personIn(String personExpr, String alias) {
        return personExpr + " in (select " + alias + ".id from Person " + alias + " where " + unitIn(alias + ".unitId")
                + ")";
    }

    /** JPQL: any of these unit-id expressions, or any of the extra predicates, is inside this scope. */
    public String anyIn(List<String> unitExprs, String... more) {
        List<String> parts = new ArrayList<>(unitExprs.stream().map(this::unitIn).toList());
        parts.addAll(List.of(more));
        return "(" + String.join(" or ", parts) + ")";
    }
}
