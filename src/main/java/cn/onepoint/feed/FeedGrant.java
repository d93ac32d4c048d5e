package cn.onepoint.feed;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What one connection may see, decided by {@link FeedAuthorizer} when it opens.
 *
 * <p>An event is in scope when its unit is one of {@code units}, its province one of {@code provinces}, or it
 * belongs to a ticket or order (its root) that involves one of those units. A root involves a unit once any event
 * of that root was the unit's: a ticket dispatched to a local network becomes visible there, with its status
 * changes and its other work orders, from the dispatch on. {@code roots} starts with the roots involving the units
 * before the connection opened and grows as the connection sees their events.
 *
 * @param allUnits  every event (the group's scope)
 * @param units     otherwise, the units whose events are in scope
 * @param provinces and the provinces whose events are in scope
 * @param roots     the tickets and orders known to involve one of the units (grows; thread-safe)
 */
public record FeedGrant(boolean allUnits, Set<UUID> units, Set<String> provinces, Set<UUID> roots) {

    public static final FeedGrant ALL = new FeedGrant(true, Set.of(), Set.of(), Set.of());
    /** Nothing at all: the connection is refused (4403). */
    public static final FeedGrant NONE = new FeedGrant(false, Set.of(), Set.of(), Set.of());

    public static FeedGrant units(Set<UUID> units) {
        return scoped(units, Set.of(), Set.of());
    }

    /** The units' and provinces' events, and those of the roots already involving them ({@code known}). */
    public static FeedGrant scoped(Set<UUID> units, Set<String> provinces, Collection<UUID> known) {
        Set<UUID> roots = ConcurrentHashMap.newKeySet();
        roots.addAll(known);
        return new FeedGrant(false, Set.copyOf(units), Set.copyOf(provinces), roots);
    }

    public boolean nothing() {
        return !allUnits && units.isEmpty() && provinces.isEmpty();
    }

    boolean allows(FeedEvent e) {
        if (allUnits) {
            return true;
        }
        boolean own = (e.unitId() != null && units.contains(e.unitId()))
                || (e.province() != null && provinces.contains(e.province()));
        if (own) {
            if (e.rootId() != null) {
                roots.add(e.rootId());
            }
            return true;
        }
        return e.rootId() != null && roots.contains(e.rootId());
    }
}
