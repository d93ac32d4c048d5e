package cn.onepoint.notify;

import cn.onepoint.auth.Subjects;
import cn.onepoint.common.Messages;
import cn.onepoint.directory.Role;
import cn.onepoint.sla.SubjectType;
import cn.onepoint.sla.Uuids;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The one place notifications are written. Each notification is queued as one {@link NotificationDelivery} per
 * enabled channel (and per webhook URL) in the caller's transaction, so a command or sweep that commits has its
 * deliveries committed with it, and one that rolls back leaves none; the {@link DeliveryJob} sends them.
 */
@ApplicationScoped
public class Notifications {

    /** Who hears of it, and as what (the {@code role} column says why this person is told). */
    public record Recipient(UUID personId, Role role) {
    }

    private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    /** The deliveries of a batch the sweep writes with its own connection (see {@link #insert}). */
    private static final String INSERT = """
            insert into notification_delivery (id, notification_id, channel, recipient_id, address, subject, body,
                                               state, attempts, next_attempt_at, created_at, source_type, source_id,
                                               escalation_id)
            select d.id, d.notification_id, d.channel, d.recipient_id, d.address, d.subject, d.body, 'PENDING', 0,
                   $1, $1, d.source_type, d.source_id, d.escalation_id
              from unnest($2::uuid[], $3::uuid[], $4::text[], $5::uuid[], $6::text[], $7::text[], $8::text[],
                          $9::text[], $10::uuid[], $11::uuid[])
                   as d(id, notification_id, channel, recipient_id, address, subject, body, source_type, source_id,
                        escalation_id)""";

    private final Clock clock;
    private final NotifyConfig config;

    public Notifications(Clock clock, NotifyConfig config) {
        this.clock = clock;
        this.config = config;
    }

    /** A message to one person about a subject (escalation: the escalation it belongs to, or null). */
    public Notification message(UUID recipientId, Role role, String text, SubjectType subjectType, UUID subjectId,
                                UUID escalationId, Instant at) {
        Notification n = new Notification();
        n.id = Uuids.timeOrdered(at);
        n.escalationId = escalationId;
        n.recipientId = recipientId;
        n.role = role;
        n.channel = channels();
        n.text = text;
        n.subjectType = subjectType;
        n.subjectId = subjectId;
        n.createdAt = at.truncatedTo(ChronoUnit.MICROS);
        return n;
    }

    /** One message per person (a person named twice is told once, as the first role given; nobody: skipped). */
    public List<Notification> messages(List<Recipient> recipients, String text, SubjectType subjectType,
                                       UUID subjectId, Instant at) {
        List<Notification> out = new ArrayList<>();
        Set<UUID> told = new LinkedHashSet<>();
        for (Recipient r : recipients) {
            if (r.personId() != null && told.add(r.personId())) {
                out.add(message(r.personId(), r.role(), text, subjectType, subjectId, null, at));
            }
        }
        return out;
    }

    /** Writes the notifications and their deliveries in the caller's transaction (Hibernate session). */
    public Uni<Void> persist(List<Notification> notifications) {
        if (notifications.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        // who caused them: the request's subject, read once for the batch (null for the service's own work)
        String actor = Subjects.current();
        notifications.forEach(n -> n.actor = actor);
        List<NotificationDelivery> deliveries = deliveries(notifications);
        return Notification.persist(notifications)
                .chain(() -> deliveries.isEmpty() ? Uni.createFrom().voidItem()
                        : NotificationDelivery.persist(deliveries));
    }

    /** {@link #messages} then {@link #persist}: one notification per person about the subject, in Chinese. */
    @WithTransaction
    public Uni<List<Notification>> record(SubjectType subjectType, UUID subjectId, List<Recipient> recipients,
                                          String text) {
        List<Notification> out = messages(recipients, text, subjectType, subjectId, clock.instant());
        return persist(out).replaceWith(out);
    }

    /** The same as {@link #record}, the text from a message key (Chinese). */
    public Uni<List<Notification>> tell(SubjectType subjectType, UUID subjectId, List<Recipient> recipients,
                                        String messageKey, Object... args) {
        return record(subjectType, subjectId, recipients, Messages.text(CHINESE, messageKey, args));
    }

    /**
     * Writes the deliveries of notifications the caller inserted itself on {@code conn}, in its transaction (the
     * sweep writes notifications with plain SQL).
     */
    public Uni<Void> insert(SqlConnection conn, List<Notification> notifications, Instant at) {
        List<NotificationDelivery> d = deliveries(notifications);
        if (d.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Object> v = new ArrayList<>();
        v.add(OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
        v.add(d.stream().map(x -> x.id).toArray(UUID[]::new));
        v.add(d.stream().map(x -> x.notificationId).toArray(UUID[]::new));
        v.add(d.stream().map(x -> x.channel.name()).toArray(String[]::new));
        v.add(d.stream().map(x -> x.recipientId).toArray(UUID[]::new));
        v.add(d.stream().map(x -> x.address).toArray(String[]::new));
        v.add(d.stream().map(x -> x.subject).toArray(String[]::new));
        v.add(d.stream().map(x -> x.body).toArray(String[]::new));
        v.add(d.stream().map(x -> x.sourceType).toArray(String[]::new));
        v.add(d.stream().map(x -> x.sourceId).toArray(UUID[]::new));
        v.add(d.stream().map(x -> x.escalationId).toArray(UUID[]::new));
        return conn.preparedQuery(INSERT).execute(Tuple.from(v)).replaceWithVoid();
    }

    /** The channels a notification is queued on now, as recorded on it (LOG,EMAIL,WEBHOOK). */
    public String channels() {
        return config.channels().stream().sorted().map(Enum::name).collect(Collectors.joining(","));
    }

    /** One delivery per enabled channel; on WEBHOOK one per configured URL (none configured: none). */
    List<NotificationDelivery> deliveries(List<Notification> notifications) {
        List<NotificationDelivery> out = new ArrayList<>();
        List<Channel> channels = config.channels().stream().sorted().toList();
        for (Notification n : notifications) {
            String subject = subject(n);
            for (Channel c : channels) {
                if (c == Channel.WEBHOOK) {
                    config.webhook().urls().orElse(List.of())
                            .forEach(url -> out.add(delivery(n, c, url, subject)));
                } else {
                    out.add(delivery(n, c, null, subject));
                }
            }
        }
        return out;
    }

    private static NotificationDelivery delivery(Notification n, Channel channel, String address, String subject) {
        NotificationDelivery d = new NotificationDelivery();
        d.id = Uuids.timeOrdered(n.createdAt);
        d.notificationId = n.id;
        d.channel = channel;
        d.recipientId = n.recipientId;
        d.address = address;
        d.subject = subject;
        d.body = n.text;
        d.state = DeliveryState.PENDING;
        d.attempts = 0;
        d.nextAttemptAt = n.createdAt;
        d.createdAt = n.createdAt;
        d.sourceType = n.subjectType.name();
        d.sourceId = n.subjectId;
        d.escalationId = n.escalationId;
        return d;
    }

    /** 【OnePoint】故障单：超时升级 — the kind of subject, and the tag the text opens with (【…】), if any. */
    static String subject(Notification n) {
        String tag = Messages.text(CHINESE, "notify.subject.default");
        if (n.text != null && n.text.startsWith("【") && n.text.indexOf('】') > 1) {
            tag = n.text.substring(1, n.text.indexOf('】'));
        }
        return Messages.text(CHINESE, "notify.subject", Messages.text(CHINESE, "sla.subject." + n.subjectType), tag);
    }
}
