package cn.onepoint.notify;

import io.smallrye.mutiny.Uni;

/** Sends on one channel; a failed Uni is retried by the {@link DeliveryJob}, a {@link Refused} one is not. */
public interface ChannelSender {

    Channel channel();

    /** Completes when the message was handed over (SMTP accepted it, the webhook answered 2xx). */
    Uni<Void> send(Outgoing message);

    /** A delivery that can never succeed as it stands (no address): FAILED at once. */
    final class Refused extends RuntimeException {
        public Refused(String message) {
            super(message);
        }
    }
}
