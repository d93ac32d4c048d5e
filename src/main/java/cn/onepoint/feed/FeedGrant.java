package cn.onepoint.feed;

import java.util.Set;
import java.util.UUID;

/**
 * What one connection may see, decided by {@link FeedAuthorizer} when it opens.
 *
 * @param allUnits every unit's events (the default)
 * @param units    otherwise, only events whose unit is one of these (an event with no unit is not shown)
 */
public record FeedGrant(boolean allUnits, Set<UUID> units) {

    public static final FeedGrant ALL = new FeedGrant(true, Set.of());
    /** Nothing at all: the connection is refused (4403). */
    public static final FeedGrant NONE = new FeedGrant(false, Set.of());

    public static FeedGrant units(Set<UUID> units) {
        return new FeedGrant(false, Set.copyOf(units));
    }

    public boolean nothing() {
        return !allUnits && units.isEmpty();
    }

    boolean allows(UUID unitId) {
        return allUnits || (unitId != null && units.contains(unitId));
    }
}
