package cn.onepoint.sla;

import io.smallrye.mutiny.Uni;

/**
 * Delivers notifications. The sweep hands every undelivered {@link Notification} to the active Notifier
 * and marks it delivered in the same transaction, so delivery is at least once. The default adapter
 * logs ({@link LogNotifier}); an e-mail or SMS adapter is another bean of this type.
 */
public interface Notifier {

    /** The channel recorded on each notification (LOG, EMAIL, SMS). */
    String channel();

    Uni<Void> deliver(Notification notification);
}
