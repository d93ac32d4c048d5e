package cn.onepoint.sla;

import io.quarkus.arc.DefaultBean;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** The notifier used until e-mail and SMS adapters exist: one log line per notification. */
@ApplicationScoped
@DefaultBean
public class LogNotifier implements Notifier {

    private static final Logger LOG = Logger.getLogger("cn.onepoint.sla.notify");

    @Override
    public String channel() {
        return "LOG";
    }

    @Override
    public Uni<Void> deliver(Notification n) {
        LOG.infof("notify %s (%s) about %s %s: %s", n.recipientId, n.role, n.subjectType, n.subjectId, n.text);
        return Uni.createFrom().voidItem();
    }
}
