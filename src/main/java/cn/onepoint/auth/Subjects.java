package cn.onepoint.auth;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;

/**
 * The authenticated subject of the request being served, for what records who did something (history rows,
 * feed events): a person's id or {@code service:<client>}; null for the service's own work (timers, startup).
 */
public final class Subjects {

    private Subjects() {
    }

    public static String current() {
        ArcContainer arc = Arc.container();
        if (arc == null || !arc.requestContext().isActive()) {
            return null;
        }
        Actor actor = arc.instance(Actors.class).get().current();
        return actor == null ? null : actor.subject();
    }
}
