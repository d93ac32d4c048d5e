package cn.onepoint.notify;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** EMAIL: a plain-text mail to the person's directory address, through quarkus-mailer (quarkus.mailer.*). */
@ApplicationScoped
public class MailSender implements ChannelSender {

    private final ReactiveMailer mailer;
    private final NotifyConfig config;

    public MailSender(ReactiveMailer mailer, NotifyConfig config) {
        this.mailer = mailer;
        this.config = config;
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public Uni<Void> send(Outgoing m) {
        if (m.address() == null || m.address().isBlank()) {
            return Uni.createFrom().failure(new Refused("no e-mail address in the directory for " + m.recipientId()));
        }
        return mailer.send(Mail.withText(m.address(), m.subject(), m.body()).setFrom(config.mailFrom()));
    }
}
