package cn.onepoint.notify;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** LOG: one log line per notification (category cn.onepoint.notify). */
@ApplicationScoped
public class LogSender implements ChannelSender {

    private static final Logger LOG = Logger.getLogger("cn.onepoint.notify");

    @Override
    public Channel channel() {
        return Channel.LOG;
    }

    @Override
    public Uni<Void> send(Outgoing m) {
        LOG.infof("notify %s (%s): %s %s", m.recipientId(), m.recipientName(), m.subject(), m.body());
        return Uni.createFrom().voidItem();
    }
}
