package cn.onepoint.notify;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * WEBHOOK: POSTs {@code {"msgtype":"text","text":{"content":"…"}}}, the text message of WeCom (企业微信) and DingTalk
 * (钉钉) group bots, to the delivery's URL. A non-2xx answer, a timeout, or a bot's JSON answer with a non-zero
 * {@code errcode} fails the attempt.
 */
@ApplicationScoped
public class WebhookSender implements ChannelSender {

    private final WebClient client;
    private final NotifyConfig config;

    public WebhookSender(Vertx vertx, NotifyConfig config) {
        this.client = WebClient.create(vertx, new WebClientOptions().setUserAgent("OnePoint"));
        this.config = config;
    }

    @PreDestroy
    void close() {
        client.close();
    }

    @Override
    public Channel channel() {
        return Channel.WEBHOOK;
    }

    /** The body: subject, then to whom, then the text. */
    static JsonObject body(Outgoing m) {
        String to = m.recipientName() == null ? "" : "致 " + m.recipientName() + "：";
        return new JsonObject().put("msgtype", "text")
                .put("text", new JsonObject().put("content", m.subject() + "\n" + to + m.body()));
    }

    @Override
    public Uni<Void> send(Outgoing m) {
        return client.postAbs(m.address()).timeout(config.webhook().timeout().toMillis())
                .sendJsonObject(body(m))
                .invoke(r -> {
                    if (r.statusCode() / 100 != 2) {
                        throw new IllegalStateException("webhook answered " + r.statusCode());
                    }
                    String answer = r.bodyAsString();
                    if (answer != null && answer.trim().startsWith("{")) {
                        Object code = new JsonObject(answer).getValue("errcode");
                        if (code instanceof Number n && n.intValue() != 0) {
                            throw new IllegalStateException("webhook errcode " + n + ": " + answer);
                        }
                    }
                })
                .replaceWithVoid();
    }
}
