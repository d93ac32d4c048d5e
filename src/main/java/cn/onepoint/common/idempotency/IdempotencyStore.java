package cn.onepoint.common.idempotency;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** The idempotency_key table, through the reactive pool: each statement commits on its own. */
@ApplicationScoped
public class IdempotencyStore {

    private static final Logger LOG = Logger.getLogger(IdempotencyStore.class);

    /*
     * Insert, or take over a row past retention (an expired key counts as absent). The primary key decides a
     * race: the loser's insert waits for the winner's row and then finds it not expired, so returns nothing.
     */
    private static final String CLAIM = """
            insert into idempotency_key (key, method, path, request_hash, state, created_at)
            values ($1, $2, $3, $4, 'IN_PROGRESS', $5)
            on conflict (key, method, path) do update
               set request_hash = excluded.request_hash, state = 'IN_PROGRESS', status = null,
                   content_type = null, location = null, etag = null, body = null,
                   created_at = excluded.created_at, completed_at = null
             where idempotency_key.created_at < $6
            returning created_at""";

    private static final String FIND = """
            select request_hash, state, status, content_type, location, etag, body, created_at
              from idempotency_key where key = $1 and method = $2 and path = $3""";

    // created_at identifies the claim: a row taken over after expiry is not touched by its former owner.
    private static final String COMPLETE = """
            update idempotency_key
               set state = 'DONE', status = $5, content_type = $6, location = $7, etag = $8, body = $9,
                   completed_at = $10
             where key = $1 and method = $2 and path = $3 and created_at = $4 and state = 'IN_PROGRESS'""";

    private static final String RELEASE = """
            delete from idempotency_key
             where key = $1 and method = $2 and path = $3 and created_at = $4 and state = 'IN_PROGRESS'""";

    private static final String PURGE = "delete from idempotency_key where created_at < $1";

    /** A key in its scope: the same key on another endpoint is another key. */
    public record Scope(String key, String method, String path) {
    }

    /** A claim this request holds. */
    public record Claim(Scope scope, Instant at) {
    }

    /** What a finished request answered, as replayed. */
    public record Outcome(int status, String contentType, String location, String etag, String body) {
    }

    /** A key found in use; {@code outcome} is null while the first request runs. */
    public record Existing(String requestHash, Instant claimedAt, Outcome outcome) {
    }

    private final Pool pool;
    private final Clock clock;
    private final IdempotencyConfig config;

    public IdempotencyStore(Pool pool, Clock clock, IdempotencyConfig config) {
        this.pool = pool;
        this.clock = clock;
        this.config = config;
    }

    /** Claims the key for this request; null when someone holds it (then {@link #find} says how). */
    public Uni<Claim> claim(Scope s, String requestHash) {
        Instant now = clock.instant();
        return pool.preparedQuery(CLAIM)
                .execute(Tuple.of(s.key(), s.method(), s.path(), requestHash, utc(now),
                        utc(now.minus(config.retention()))))
                .map(rows -> rows.size() == 0 ? null
                        : new Claim(s, rows.iterator().next().getOffsetDateTime("created_at").toInstant()));
    }

    /** The row of a key, null when there is none (it was released or purged meanwhile). */
    public Uni<Existing> find(Scope s) {
        return pool.preparedQuery(FIND).execute(Tuple.of(s.key(), s.method(), s.path()))
                .map(rows -> rows.size() == 0 ? null : existing(rows.iterator().next()));
    }

    public Uni<Void> complete(Claim c, Outcome o) {
        Scope s = c.scope();
        return pool.preparedQuery(COMPLETE)
                .execute(Tuple.from(new Object[] {s.key(), s.method(), s.path(), utc(c.at()), (short) o.status(),
                        o.contentType(), o.location(), o.etag(), o.body(), utc(clock.instant())}))
                .replaceWithVoid();
    }

    /** Gives the key back, so that the client may retry it. */
    public Uni<Void> release(Claim c) {
        Scope s = c.scope();
        return pool.preparedQuery(RELEASE).execute(Tuple.of(s.key(), s.method(), s.path(), utc(c.at())))
                .replaceWithVoid();
    }

    /** Deletes the keys past retention; returns how many. */
    public Uni<Integer> purge() {
        return pool.preparedQuery(PURGE).execute(Tuple.of(utc(clock.instant().minus(config.retention()))))
                .map(rows -> rows.rowCount());
    }

    @Scheduled(identity = "idempotency-purge", every = "${onepoint.idempotency.purge-interval:1h}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduledPurge() {
        return purge().invoke(n -> LOG.debugf("purged %d expired idempotency keys", n))
                .onFailure().invoke(e -> LOG.warn("idempotency purge failed", e))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    private static Existing existing(Row r) {
        Outcome outcome = "DONE".equals(r.getString("state"))
                ? new Outcome(r.getShort("status"), r.getString("content_type"), r.getString("location"),
                        r.getString("etag"), r.getString("body"))
                : null;
        return new Existing(r.getString("request_hash"), r.getOffsetDateTime("created_at").toInstant(), outcome);
    }

    private static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
