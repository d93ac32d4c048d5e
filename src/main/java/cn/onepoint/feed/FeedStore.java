package cn.onepoint.feed;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Reads of the sequenced feed and the retention purge. Only rows with a seq are ever read. */
@ApplicationScoped
public class FeedStore {

    private static final String COLUMNS =
            "seq, topic, event_type, event_time, unit_id, customer_id, province, root_id, payload::text as payload";

    private static final String LAST = "select last from feed_sequence where id = 1";

    private static final String AFTER =
            "select " + COLUMNS + " from event_outbox where seq > $1 order by seq limit $2";

    /* The retained range [floor, last]: floor is the first seq still kept, last + 1 when none is. */
    private static final String BOUNDS = """
            select coalesce((select min(seq) from event_outbox where seq is not null), s.last + 1) as floor, s.last
              from feed_sequence s where s.id = 1""";

    /*
     * A replay page with the retained range read in the same statement, hence the same snapshot: if the rows
     * after the cursor had been purged, floor says so and the page is not trusted.
     */
    private static final String REPLAY = "select b.floor, b.last, e.* from (" + BOUNDS + """
            ) b
              left join lateral (select %s from event_outbox where seq > $1 %s order by seq limit $2) e on true
             order by e.seq""";
    private static final String REPLAY_ALL = REPLAY.formatted(COLUMNS, "");
    private static final String REPLAY_ROOT = REPLAY.formatted(COLUMNS, "and root_id = $3");

    /*
     * Retention deletes a prefix of the sequence: everything before the first event still inside the retention
     * window. Cutting by event_time alone could leave holes (a late committer has an older event_time and a
     * later seq), and then a since inside a hole would silently miss events.
     */
    private static final String PURGE = """
            delete from event_outbox
             where seq is not null
               and seq < coalesce((select seq from event_outbox
                                    where seq is not null and event_time >= $1 order by seq limit 1),
                                  (select last + 1 from feed_sequence where id = 1))
               and seq < (select min(seq) from event_outbox where seq is not null) + $2""";

    /** What a replay page found: the retained range at that moment and the rows after the cursor. */
    public record Page(long floor, long last, List<FeedEvent> events) {
    }

    private final Pool pool;
    private final ReplayPages pages;

    public FeedStore(Pool pool, FeedConfig config) {
        this.pool = pool;
        this.pages = new ReplayPages(config.replayCachePages());
    }

    public Uni<Long> last() {
        return pool.query(LAST).execute().map(rows -> rows.iterator().next().getLong("last"));
    }

    /** Sequenced events after {@code cursor}, in seq order (the fan-out path). */
    public Uni<List<FeedEvent>> after(long cursor, int limit) {
        return pool.preparedQuery(AFTER).execute(Tuple.of(cursor, limit)).map(FeedStore::events);
    }

    /**
     * One replay page after {@code cursor}, only the given ticket's events when {@code rootId} is set.
     *
     * <p>A full page of the whole feed is kept ({@link ReplayPages}) for the next connection asking for it: rows
     * never change once sequenced, so only the retained range is read again, in a statement of its own, and a
     * page from memory gets exactly the floor and last that a read from the table would.
     */
    public Uni<Page> replayPage(long cursor, int limit, UUID rootId) {
        if (rootId == null) {
            List<FeedEvent> kept = pages.get(cursor, limit);
            if (kept != null) {
                return pool.query(BOUNDS).execute().map(set -> {
                    Row r = set.iterator().next();
                    return new Page(r.getLong("floor"), r.getLong("last"), kept);
                });
            }
            return read(pool.preparedQuery(REPLAY_ALL).execute(Tuple.of(cursor, limit)))
                    .invoke(page -> pages.put(cursor, limit, page.events()));
        }
        return read(pool.preparedQuery(REPLAY_ROOT).execute(Tuple.of(cursor, limit, rootId)));
    }

    /** Replay pages answered from memory so far (metrics, tests). */
    public long replayPagesShared() {
        return pages.hits();
    }

    private static Uni<Page> read(Uni<RowSet<Row>> rows) {
        return rows.map(set -> {
            long floor = 0;
            long last = 0;
            List<FeedEvent> events = new ArrayList<>();
            for (Row r : set) {
                floor = r.getLong("floor");
                last = r.getLong("last");
                if (r.getLong("seq") != null) {
                    events.add(event(r));
                }
            }
            return new Page(floor, last, events);
        });
    }

    /** Deletes the sequenced events before the first one at or after {@code cutoff}; returns how many. */
    public Uni<Long> purge(Instant cutoff, int batch) {
        OffsetDateTime at = OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC);
        return purgeFrom(at, batch, 0L);
    }

    private Uni<Long> purgeFrom(OffsetDateTime cutoff, int batch, long done) {
        return pool.preparedQuery(PURGE).execute(Tuple.of(cutoff, batch)).chain(r -> {
            long total = done + r.rowCount();
            return r.rowCount() < batch ? Uni.createFrom().item(total) : purgeFrom(cutoff, batch, total);
        });
    }

    static List<FeedEvent> events(RowSet<Row> rows) {
        List<FeedEvent> out = new ArrayList<>(rows.size());
        for (Row r : rows) {
            out.add(event(r));
        }
        return out;
    }

    static FeedEvent event(Row r) {
        long seq = r.getLong("seq");
        String type = r.getString("event_type");
        Instant at = r.getOffsetDateTime("event_time").toInstant();
        return new FeedEvent(seq, r.getString("topic"), type, at, r.getUUID("unit_id"), r.getUUID("customer_id"),
                r.getString("province"), r.getUUID("root_id"),
                FeedEvent.message(seq, type, at, r.getString("payload")));
    }
}
