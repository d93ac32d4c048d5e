package cn.onepoint.notify;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.All;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Sends due deliveries, at least once, never twice at the same time. A run claims a batch of due PENDING rows with
 * {@code FOR UPDATE SKIP LOCKED} and, in that short transaction, counts the attempt and moves the row's next attempt
 * a lease ahead; so another run, on this or another replica, does not see it as due while it is being sent. After
 * each send the row is SENT, or FAILED once the attempts are used up, or due again after an exponential backoff.
 * A replica that dies while sending leaves its rows PENDING, due again when the lease ends; rows written before a
 * crash are due rows like any other for the first run after the restart.
 */
@ApplicationScoped
public class DeliveryJob {

    private static final Logger LOG = Logger.getLogger(DeliveryJob.class);
    private static final int ERROR_LENGTH = 500;

    private static final String CLAIM = """
            with due as (
                select id from notification_delivery
                 where state = 'PENDING' and next_attempt_at <= $1
                 order by next_attempt_at, id
                 limit $2
                 for update skip locked
            )
            update notification_delivery d
               set attempts = d.attempts + 1, next_attempt_at = $3
              from due
             where d.id = due.id
            returning d.id, d.notification_id, d.channel, d.recipient_id, d.address, d.subject, d.body, d.attempts,
                      (select p.name from person p where p.id = d.recipient_id) as recipient_name,
                      (select p.email from person p where p.id = d.recipient_id) as email""";

    private static final String SENT = """
            with sent as (
                update notification_delivery set state = 'SENT', sent_at = $2, address = $3, last_error = null
                 where id = $1 and state = 'PENDING'
                returning notification_id
            )
            update notification set delivered_at = $2
             where id = (select notification_id from sent) and delivered_at is null""";

    private static final String RETRY = """
            update notification_delivery set next_attempt_at = $2, last_error = $3, address = $4
             where id = $1 and state = 'PENDING'""";

    private static final String DEAD = """
            update notification_delivery set state = 'FAILED', last_error = $2, address = $3
             where id = $1 and state = 'PENDING'""";

    private final Pool pool;
    private final Clock clock;
    private final NotifyConfig config;
    private final Map<Channel, ChannelSender> senders = new EnumMap<>(Channel.class);
    private final Map<Channel, io.micrometer.core.instrument.Counter[]> counters = new EnumMap<>(Channel.class);

    public DeliveryJob(Pool pool, Clock clock, NotifyConfig config, @All List<ChannelSender> senders,
                       MeterRegistry registry) {
        this.pool = pool;
        this.clock = clock;
        this.config = config;
        senders.forEach(s -> this.senders.put(s.channel(), s));
        for (Channel c : Channel.values()) {
            counters.put(c, new io.micrometer.core.instrument.Counter[]{
                    registry.counter("onepoint.notify.sent", "channel", c.name()),
                    registry.counter("onepoint.notify.retried", "channel", c.name()),
                    registry.counter("onepoint.notify.failed", "channel", c.name())});
        }
    }

    /** {@code onepoint.notify.delivery-enabled=false} switches the schedule off on this instance. */
    @Singleton
    public static class Disabled implements Scheduled.SkipPredicate {
        private final NotifyConfig config;

        public Disabled(NotifyConfig config) {
            this.config = config;
        }

        @Override
        public boolean test(ScheduledExecution execution) {
            return !config.deliveryEnabled();
        }
    }

    @Scheduled(identity = "onepoint-notification-delivery", every = "${onepoint.notify.interval:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Disabled.class)
    Uni<Void> scheduled() {
        return deliverOnce()
                .onFailure().invoke(e -> LOG.error("Notification delivery failed; retrying at the next run", e))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** Sends every due delivery, batch after batch; the number of deliveries attempted. */
    public Uni<Integer> deliverOnce() {
        return deliverFrom(0);
    }

    private Uni<Integer> deliverFrom(int soFar) {
        return batch().chain(n -> n < config.batchSize() ? Uni.createFrom().item(soFar + n)
                : deliverFrom(soFar + n));
    }

    /** Claims one batch and sends it; the number claimed. */
    public Uni<Integer> batch() {
        Instant now = now();
        return pool.withTransaction(conn -> conn.preparedQuery(CLAIM)
                        .execute(Tuple.of(odt(now), config.batchSize(), odt(now.plus(config.lease())))))
                .chain(rows -> {
                    List<Uni<Void>> sends = new ArrayList<>();
                    for (Row r : rows) {
                        sends.add(send(outgoing(r)));
                    }
                    return sends.isEmpty() ? Uni.createFrom().item(0)
                            : Uni.join().all(sends).andFailFast().replaceWith(sends.size());
                });
    }

    private Uni<Void> send(Outgoing m) {
        ChannelSender sender = senders.get(m.channel());
        Uni<Void> sent = sender == null
                ? Uni.createFrom().failure(new ChannelSender.Refused("no sender for " + m.channel()))
                : Uni.createFrom().deferred(() -> sender.send(m));
        return sent
                .chain(() -> pool.preparedQuery(SENT).execute(Tuple.of(m.id(), odt(now()), m.address()))
                        .invoke(() -> counters.get(m.channel())[0].increment()))
                .replaceWithVoid()
                .onFailure().recoverWithUni(e -> failed(m, e));
    }

    private Uni<Void> failed(Outgoing m, Throwable e) {
        String error = error(e);
        boolean dead = e instanceof ChannelSender.Refused || m.attempt() >= config.maxAttempts();
        if (dead) {
            LOG.warnf("Notification delivery %s (%s) failed for good after %d attempt(s): %s", m.id(), m.channel(),
                    m.attempt(), error);
            counters.get(m.channel())[2].increment();
            return pool.preparedQuery(DEAD).execute(Tuple.of(m.id(), error, m.address())).replaceWithVoid();
        }
        Instant next = now().plus(backoff(m.attempt()));
        LOG.infof("Notification delivery %s (%s) attempt %d failed, next at %s: %s", m.id(), m.channel(),
                m.attempt(), next, error);
        counters.get(m.channel())[1].increment();
        return pool.preparedQuery(RETRY).execute(Tuple.of(m.id(), odt(next), error, m.address())).replaceWithVoid();
    }

    /** The wait after the {@code attempt}-th failure: backoff, doubled each time, at most backoff-max. */
    Duration backoff(int attempt) {
        Duration d = config.backoff();
        for (int i = 1; i < attempt && d.compareTo(config.backoffMax()) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(config.backoffMax()) > 0 ? config.backoffMax() : d;
    }

    private static Outgoing outgoing(Row r) {
        Channel channel = Channel.valueOf(r.getString("channel"));
        String address = channel == Channel.EMAIL ? r.getString("email") : r.getString("address");
        return new Outgoing(r.getUUID("id"), r.getUUID("notification_id"), channel, r.getUUID("recipient_id"),
                r.getString("recipient_name"), address, r.getString("subject"), r.getString("body"),
                r.getInteger("attempts"));
    }

    private static String error(Throwable e) {
        String s = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        return s.length() > ERROR_LENGTH ? s.substring(0, ERROR_LENGTH) : s;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static OffsetDateTime odt(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }
}
