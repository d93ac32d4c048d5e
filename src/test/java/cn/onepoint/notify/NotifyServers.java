package cn.onepoint.notify;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An in-process SMTP server (GreenMail) and a chat-bot webhook that records what it is sent. Both are read by the
 * tests over HTTP on the recorder's port ({@code test.notify.recorder}): {@code GET /mails} and {@code GET /posts}
 * list what arrived; {@code POST /fail?marker=M&times=N} makes the bot answer 500 to the first N attempts of each
 * message whose text contains M.
 */
public class NotifyServers implements QuarkusTestResourceLifecycleManager {

    private GreenMail mail;
    private HttpServer http;
    private final List<String> posts = new ArrayList<>();
    private final Map<String, Integer> failures = new ConcurrentHashMap<>();
    private final Map<String, Integer> seen = new ConcurrentHashMap<>();

    @Override
    public Map<String, String> start() {
        mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        try {
            http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        http.createContext("/bot", this::bot);
        http.createContext("/posts", x -> {
            synchronized (posts) {
                answer(x, 200, new JsonArray(new ArrayList<>(posts)).encode());
            }
        });
        http.createContext("/mails", x -> answer(x, 200, mails().encode()));
        http.createContext("/fail", x -> {
            Map<String, String> q = query(x.getRequestURI().getRawQuery());
            failures.put(q.get("marker"), Integer.parseInt(q.get("times")));
            answer(x, 204, null);
        });
        http.start();
        String recorder = "http://127.0.0.1:" + http.getAddress().getPort();
        return Map.of("onepoint.notify.mail.host", "127.0.0.1",
                "onepoint.notify.mail.port", Integer.toString(mail.getSmtp().getPort()),
                "onepoint.notify.mail.start-tls", "DISABLED",
                "onepoint.notify.webhook.urls", recorder + "/bot",
                "test.notify.recorder", recorder);
    }

    @Override
    public void stop() {
        if (http != null) {
            http.stop(0);
        }
        if (mail != null) {
            mail.stop();
        }
    }

    private void bot(HttpExchange x) throws IOException {
        String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        synchronized (posts) {
            posts.add(body);
        }
        int attempt = seen.merge(body, 1, Integer::sum);
        boolean fail = failures.entrySet().stream().anyMatch(f -> body.contains(f.getKey()) && attempt <= f.getValue());
        answer(x, fail ? 500 : 200, fail ? "busy" : "{\"errcode\":0,\"errmsg\":\"ok\"}");
    }

    private JsonArray mails() {
        JsonArray out = new JsonArray();
        try {
            for (MimeMessage m : mail.getReceivedMessages()) {
                List<String> to = new ArrayList<>();
                for (Address a : m.getAllRecipients()) {
                    to.add(a.toString());
                }
                out.add(new JsonObject().put("to", new JsonArray(to)).put("from", m.getFrom()[0].toString())
                        .put("subject", m.getSubject()).put("body", m.getContent().toString().trim()));
            }
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> q = new ConcurrentHashMap<>();
        for (String p : raw.split("&")) {
            String[] kv = p.split("=", 2);
            q.put(kv[0], java.net.URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return q;
    }

    private static void answer(HttpExchange x, int status, String body) throws IOException {
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        x.sendResponseHeaders(status, body == null ? -1 : bytes.length);
        if (body != null) {
            x.getResponseBody().write(bytes);
        }
        x.close();
    }
}
