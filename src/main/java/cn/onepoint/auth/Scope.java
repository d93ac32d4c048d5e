package cn.onepoint.auth;

import cn.onepoint.directory.Tier;

import java.util.Collection;
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
}
