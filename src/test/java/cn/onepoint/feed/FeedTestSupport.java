package cn.onepoint.feed;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/** Direct database access for feed tests, as the timer engine writes: raw SQL into event_outbox. */
final class FeedTestSupport {

    private FeedTestSupport() {
    }

    static final String INSERT = """
            insert into event_outbox (topic, event_type, subject_type, subject_id, customer_id, unit_id, province,
                                      payload, event_time)
            values ($1, $2, $3, $4, $5, $6, $7, $8::text::jsonb, $9) returning id""";

    /** Inserts one event (in its own transaction when {@code client} is the pool); returns the row id. */
    static long insert(SqlClient client, Instant at, String topic, String type, String subjectType, UUID subjectId,
                       UUID customerId, UUID unitId, String province, String payload) {
        return client.preparedQuery(INSERT)
                .execute(Tuple.from(new Object[]{topic, type, subjectType, subjectId, customerId, unitId, province,
                        payload, OffsetDateTime.ofInstant(at, ZoneOffset.UTC)}))
                .await().atMost(Duration.ofSeconds(10)).iterator().next().getLong("id");
    }

    static long insert(SqlClient client, Instant at, String topic, String type, UUID subjectId) {
        return insert(client, at, topic, type, "TICKET", subjectId, null, null, null,
                "{\"id\":\"" + subjectId + "\"}");
    }

    static long lastSeq(Pool pool) {
        return pool.query("select last from feed_sequence where id = 1").execute()
                .await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0);
    }

    static Long seqOf(Pool pool, long id) {
        return pool.preparedQuery("select seq from event_outbox where id = $1").execute(Tuple.of(id))
                .await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0);
    }

    /** Waits until every committed outbox row has a seq. */
    static void awaitAllSequenced(Pool pool) {
        await().atMost(Duration.ofSeconds(20)).until(() -> pool.query(
                "select count(*) from event_outbox where seq is null").execute()
                .await().atMost(Duration.ofSeconds(5)).iterator().next().getLong(0) == 0);
    }

    /**
     * The feed's scope of a LOCAL unit's person, as a predicate to ask of rows in seq order: the unit's events, and
     * those of every root (ticket, order) that one of the unit's events belonged to, in the retained feed before
     * the call or in a row asked about since. Call it before the client connects.
     */
    static Predicate<Row> scopeOfUnit(Pool pool, UUID unit) {
        Set<UUID> roots = new HashSet<>();
        pool.preparedQuery("select distinct root_id from event_outbox where seq is not null and root_id is not null"
                        + " and unit_id = $1").execute(Tuple.of(unit)).await().atMost(Duration.ofSeconds(10))
                .forEach(r -> roots.add(r.getUUID("root_id")));
        return r -> {
            UUID root = r.getUUID("root_id");
            if (unit.equals(r.getUUID("unit_id"))) {
                if (root != null) {
                    roots.add(root);
                }
                return true;
            }
            return root != null && roots.contains(root);
        };
    }

    /** The sequenced rows in (from, to], as (seq, topic, unit, customer, province, root) for expectations. */
    static List<Row> rows(Pool pool, long from, long to) {
        List<Row> out = new ArrayList<>();
        pool.preparedQuery("""
                        select seq, topic, event_type, unit_id, customer_id, province, root_id, subject_id, subject_type
                          from event_outbox where seq > $1 and seq <= $2 order by seq""")
                .execute(Tuple.of(from, to)).await().atMost(Duration.ofSeconds(10)).forEach(out::add);
        return out;
    }
}
