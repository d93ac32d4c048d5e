package cn.onepoint.order;

import cn.onepoint.common.Messages;
import cn.onepoint.directory.Role;
import cn.onepoint.sla.Notification;
import cn.onepoint.sla.Notifier;
import cn.onepoint.sla.SubjectType;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * Tells people about an order (P2 return, P3 property problem, P6 warning, P8 not signed). Each message is a
 * notification row of the timer engine (no escalation), written in the caller's transaction; the engine's
 * delivery job hands it to the {@link Notifier} (log, e-mail, SMS) at least once.
 */
@ApplicationScoped
public class OrderNotices {

    /** One person and why they hear of it. */
    public record Recipient(UUID personId, Role role) {
    }

    private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    private final Clock clock;
    private final Notifier notifier;

    public OrderNotices(Clock clock, Notifier notifier) {
        this.clock = clock;
        this.notifier = notifier;
    }

    /** Writes one notification per distinct person (the first role listed wins), text in Chinese. */
    public Uni<Void> tell(ProvisioningOrder o, List<Recipient> recipients, String messageKey, Object... args) {
        String text = Messages.text(CHINESE, messageKey, args);
        Set<UUID> told = new LinkedHashSet<>();
        List<Notification> rows = new ArrayList<>();
        for (Recipient r : recipients) {
            if (r.personId() == null || !told.add(r.personId())) {
                continue;
            }
            rows.add(Notification.of(r.personId(), r.role(), notifier.channel(), text, SubjectType.ORDER, o.id,
                    clock.instant()));
        }
        return rows.isEmpty() ? Uni.createFrom().voidItem() : Notification.persist(rows);
    }
}
