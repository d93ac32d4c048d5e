package cn.onepoint.order;

import cn.onepoint.common.Messages;
import cn.onepoint.notify.Notifications;
import cn.onepoint.notify.Notifications.Recipient;
import cn.onepoint.sla.SubjectType;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.List;
import java.util.Locale;

/**
 * Tells people about an order (P2 return, P3 property problem, P6 warning, P8 not signed). Each message is a
 * notification (no escalation) written through {@link Notifications} in the caller's transaction, and delivered
 * on every enabled channel at least once.
 */
@ApplicationScoped
public class OrderNotices {

    private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    private final Clock clock;
    private final Notifications notifications;

    public OrderNotices(Clock clock, Notifications notifications) {
        this.clock = clock;
        this.notifications = notifications;
    }

    /** Writes one notification per distinct person (the first role listed wins), text in Chinese. */
    public Uni<Void> tell(ProvisioningOrder o, List<Recipient> recipients, String messageKey, Object... args) {
        String text = Messages.text(CHINESE, messageKey, args);
        return notifications.persist(notifications.messages(recipients, text, SubjectType.ORDER, o.id, clock.instant()));
    }
}
