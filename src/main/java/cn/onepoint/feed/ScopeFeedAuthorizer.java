package cn.onepoint.feed;

import cn.onepoint.auth.Actor;
import cn.onepoint.auth.Scope;
import cn.onepoint.directory.Tier;
import io.quarkus.websockets.next.HandshakeRequest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The feed's scoping (docs/feed.md, "Authentication"): a GROUP actor sees every event; a PROVINCE actor the events
 * of the units its {@link Scope} covers and of its province; a LOCAL actor its own unit's. Both also see the
 * events of every ticket or order that involves one of those units ({@link FeedGrant}): those the retained feed
 * already shows involved when the connection opens, and those that become involved while it is open.
 */
@ApplicationScoped
public class ScopeFeedAuthorizer implements FeedAuthorizer {

    private static final String UNITS = "select id, province from unit";
    private static final String KNOWN_ROOTS = """
            select distinct root_id from event_outbox
             where seq is not null and root_id is not null
               and (unit_id = any($1) or province = any($2))""";

    private final Pool pool;

    public ScopeFeedAuthorizer(Pool pool) {
        this.pool = pool;
    }

    @Override
    public Uni<FeedGrant> grant(HandshakeRequest handshake, Actor actor) {
        Scope scope = actor == null ? null : actor.scope();
        if (scope == null) {
            return Uni.createFrom().item(FeedGrant.NONE);
        }
        if (scope.all()) {
            return Uni.createFrom().item(FeedGrant.ALL);
        }
        Set<String> provinces = scope.tier() == Tier.PROVINCE && scope.province() != null
                ? Set.of(scope.province()) : Set.of();
        return pool.query(UNITS).execute().chain(rows -> {
            Set<UUID> units = new HashSet<>();
            for (Row r : rows) {
                if (scope.covers(r.getUUID("id"), r.getString("province"))) {
                    units.add(r.getUUID("id"));
                }
            }
            if (units.isEmpty() && provinces.isEmpty()) {
                return Uni.createFrom().item(FeedGrant.NONE);
            }
            return pool.preparedQuery(KNOWN_ROOTS)
                    .execute(Tuple.of(units.toArray(UUID[]::new), provinces.toArray(String[]::new)))
                    .map(known -> {
                        List<UUID> roots = new ArrayList<>();
                        known.forEach(r -> roots.add(r.getUUID("root_id")));
                        return FeedGrant.scoped(units, provinces, roots);
                    });
        });
    }
}
