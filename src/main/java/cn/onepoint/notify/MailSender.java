package cn.onepoint.notify;

import io.smallrye.mutiny.Uni;
import io.vertx.ext.mail.MailConfig;
import io.vertx.ext.mail.MailMessage;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.mail.MailClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;


/** EMAIL: a plain-text UTF-8 mail to the person's directory address, through the SMTP server of onepoint.notify.mail. */
@ApplicationScoped
public class MailSender implements ChannelSender {

    private final MailClient client;
    private final NotifyConfig.Mail config;

    public MailSender(Vertx vertx, NotifyConfig config) {
        this.config = config.mail();
        MailConfig mail = new MailConfig().setHostname(this.config.host()).setPort(this.config.port())
                .setStarttls(this.config.startTls()).setSsl(this.config.ssl()).setKeepAlive(true);
        this.config.username().ifPresent(mail::setUsername);
        this.config.password().ifPresent(mail::setPassword);
        this.client = MailClient.create(vertx, mail);
    }

    @PreDestroy
    void close() {
        client.close().subscribe().with(ignored -> { }, ignored -> { });
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
        MailMessage message = new MailMessage().setFrom(config.from()).setTo(m.address()).setSubject(m.subject())
                .setText(m.body());
        return client.sendMail(message).replaceWithVoid();
    }
}
