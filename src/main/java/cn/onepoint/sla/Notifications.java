package cn.onepoint.sla;

import cn.onepoint.directory.Role;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Notifications that are not escalations (a wording every handling unit must hear of, …): recorded in the
 * caller's transaction and delivered by the sweep's delivery job through the {@link Notifier}, exactly like an
 * escalation's, at least once.
 */
@ApplicationScoped
public class Notifications {

    /** Who hears of it, and as what (the {@code role} column says why this person is told). */
    public record Recipient(UUID personId, Role role) {
    }

    private final Clock clock;
    private final Notifier notifier;

    public Notifications(Clock clock, Notifier notifier) {
        this.clock = clock;
        this.notifier = notifier;
    }

    /** One notification per person (a person named twice is told once) about the subject, in Chinese. */
    @WithTransaction
    public Uni<List<Notification>> record(SubjectType subjectType, UUID subjectId, List<Recipient> recipients,
                                          String text) {
        var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<Notification> out = new ArrayList<>();
        Set<UUID> told = new LinkedHashSet<>();
        for (Recipient r : recipients) {
            if (r.personId() == null || !told.add(r.personId())) {
                continue;
            }
            Notification n = new Notification();
            n.id = Uuids.timeOrdered(now);
            n.recipientId = r.personId();
            n.role = r.role();
            n.channel = notifier.channel();
            n.text = text;
            n.subjectType = subjectType;
            n.subjectId = subjectId;
            n.createdAt = now;
            out.add(n);
        }
        return out.isEmpty() ? Uni.createFrom().item(out) : Notification.persist(out).replaceWith(out);
    }
}
