package cn.onepoint.notify;

import cn.onepoint.Fixtures;
import cn.onepoint.MutableClock;
import cn.onepoint.sla.EscalationReason;
import cn.onepoint.sla.SubjectType;
import cn.onepoint.sla.TimerKind;
import cn.onepoint.sla.TimerService;
import cn.onepoint.sla.TimerSpec;
import cn.onepoint.sla.TimerSweep;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.path.json.JsonPath;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Notifications leave through e-mail (GreenMail) and a chat-bot webhook, with retries, and survive a crash. */
@QuarkusTest
@TestProfile(NotifyChannelsProfile.class)
class NotificationDeliveryTest {

    @Inject
    TimerService timers;
    @Inject
    TimerSweep sweep;
    @Inject
    DeliveryJob delivery;
    @Inject
    MutableClock clock;
    @Inject
    Pool pool;
    @ConfigProperty(name = "test.notify.recorder")
    String recorder;
    @ConfigProperty(name = "onepoint.notify.webhook.urls")
    String bot;

    /** A local unit with a supervisor, its province and the group above; a customer with CCE and CM; all with e-mail. */
    record World(UUID local, UUID customer, UUID cce, String supervisorMail, String cceMail, String cmMail) {
    }

    private static World world() {
        String group = Fixtures.unit("GROUP", "CONTROL_DESK", null, null, null);
        String hubei = Fixtures.unit("PROVINCE", "CONTROL_DESK", "湖北", null, group);
        String wuhan = Fixtures.unit("LOCAL", "HANDLING", "湖北", "武汉", hubei);
        String tag = Fixtures.uniq("m").toLowerCase();
        String supervisorMail = tag + ".sup@hb.example.cn";
        String cceMail = tag + ".cce@hb.example.cn";
        String cmMail = tag + ".cm@hb.example.cn";
        person(wuhan, "王督办", supervisorMail, "HANDLER", "SUPERVISOR");
        String cce = person(hubei, "李客户工程师", cceMail, "CHIEF_CUSTOMER_ENGINEER");
        String cm = person(wuhan, "赵客户经理", cmMail, "CUSTOMER_MANAGER");
        String customer = Fixtures.post("/api/v1/customers", Map.of("code", Fixtures.uniq("C"), "name", "某集团客户",
                "level", "GROUP", "hqProvince", "湖北", "hqCity", "武汉", "cceId", cce, "cmId", cm));
        return new World(UUID.fromString(wuhan), UUID.fromString(customer), UUID.fromString(cce), supervisorMail, cceMail,
                cmMail);
    }

    private static String person(String unit, String name, String email, String... roles) {
        return Fixtures.post("/api/v1/people", Map.of("name", name, "unitId", unit, "roles", List.of(roles),
                "email", email));
    }

    private static <T> T await(Supplier<Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(work);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    private List<Map<String, Object>> mailsAbout(UUID subject) {
        return given().get(recorder + "/mails").then().statusCode(200).extract().<List<Map<String, Object>>>path("$")
                .stream().filter(m -> ((String) m.get("body")).contains(subject.toString())).toList();
    }

    private List<JsonObject> postsAbout(String marker) {
        return given().get(recorder + "/posts").then().statusCode(200).extract().<List<String>>path("$").stream()
                .filter(p -> p.contains(marker)).map(JsonObject::new).toList();
    }

    private static JsonPath deliveries(String query) {
        return given().get("/api/v1/notifications?" + query).then().statusCode(200).extract().jsonPath();
    }

    private void failFirst(String marker, int times) {
        given().post(recorder + "/fail?marker=" + marker + "&times=" + times).then().statusCode(204);
    }

    @Test
    void aBreachIsMailedToEachPersonAndPostedToTheBot() {
        World w = world();
        UUID ticket = UUID.randomUUID();
        await(() -> timers.start(TimerSpec.of(TimerKind.RESOLUTION, SubjectType.TICKET, ticket)
                .withLimit(Duration.ofHours(2)).withScope(w.local(), w.customer(), "湖北")));
        clock.advance(Duration.ofHours(2).plusSeconds(1));
        await(sweep::sweepOnce);
        // queued with the breach, in its transaction: three people, three channels each
        deliveries("sourceId=" + ticket).getList("state").forEach(s -> assertEquals("PENDING", s));
        assertEquals(9, deliveries("sourceId=" + ticket).getList("id").size());

        await(delivery::deliverOnce);

        List<Map<String, Object>> mails = mailsAbout(ticket);
        assertEquals(3, mails.size());
        Map<String, Object> toSupervisor = mails.stream()
                .filter(m -> ((List<?>) m.get("to")).contains(w.supervisorMail())).findFirst().orElseThrow();
        assertEquals("【OnePoint】故障单：超时升级", toSupervisor.get("subject"));
        assertEquals("noc@onepoint.example.cn", toSupervisor.get("from"));
        assertTrue(((String) toSupervisor.get("body")).contains("请督办"), (String) toSupervisor.get("body"));
        assertTrue(mails.stream().anyMatch(m -> ((List<?>) m.get("to")).contains(w.cmMail())
                && ((String) m.get("body")).startsWith("【知会】")));

        List<JsonObject> posts = postsAbout(ticket.toString());
        assertEquals(3, posts.size());
        posts.forEach(p -> {
            assertEquals("text", p.getString("msgtype"));
            assertTrue(p.getJsonObject("text").getString("content").matches("(?s)【OnePoint】故障单：(超时升级|知会)\n致 .+"),
                    p.encode());
        });
        assertTrue(posts.stream().anyMatch(p -> p.getJsonObject("text").getString("content")
                .startsWith("【OnePoint】故障单：超时升级\n致 王督办：【超时升级】故障单 " + ticket)));

        JsonPath sent = deliveries("sourceId=" + ticket + "&state=SENT");
        assertEquals(9, sent.getList("id").size());
        given().get("/api/v1/notifications?sourceId=" + ticket + "&channel=EMAIL").then()
                .header("X-Total-Count", "3")
                .body("address", org.hamcrest.Matchers.containsInAnyOrder(w.supervisorMail(), w.cceMail(), w.cmMail()))
                .body("attempts", everyItem(equalTo(1)));
        given().get("/api/v1/notifications?sourceId=" + ticket + "&channel=WEBHOOK").then()
                .body("address", everyItem(equalTo(bot)));
        given().get("/q/metrics").then().body(containsString("onepoint_notify_sent_total{channel=\"EMAIL\"}"));
    }

    @Test
    void aWebhookFailingTwiceIsSentOnTheThirdAttemptAfterGrowingWaits() {
        World w = world();
        UUID ticket = UUID.randomUUID();
        failFirst(ticket.toString(), 2);
        await(() -> timers.escalateNow(SubjectType.TICKET, ticket, EscalationReason.TOTAL_OUTAGE, w.local(),
                w.customer()));
        String webhook = "sourceId=" + ticket + "&channel=WEBHOOK";

        await(delivery::deliverOnce);
        JsonPath first = deliveries(webhook);
        assertEquals(List.of("PENDING", "PENDING", "PENDING"), first.getList("state"));
        assertEquals(List.of(1, 1, 1), first.getList("attempts"));
        assertTrue(first.getString("[0].lastError").contains("500"), first.getString("[0].lastError"));
        assertEquals(3, deliveries("sourceId=" + ticket + "&channel=EMAIL&state=SENT").getList("id").size());

        clock.advance(Duration.ofMinutes(1)); // the first wait: 1 minute
        await(delivery::deliverOnce);
        assertEquals(List.of(2, 2, 2), deliveries(webhook).getList("attempts"));
        clock.advance(Duration.ofMinutes(1)); // the second wait is 2 minutes: not due yet
        await(delivery::deliverOnce);
        assertEquals(List.of(2, 2, 2), deliveries(webhook).getList("attempts"));
        clock.advance(Duration.ofMinutes(1));
        await(delivery::deliverOnce);

        JsonPath done = deliveries(webhook);
        assertEquals(List.of("SENT", "SENT", "SENT"), done.getList("state"));
        assertEquals(List.of(3, 3, 3), done.getList("attempts"));
        assertEquals(9, postsAbout(ticket.toString()).size(), "three messages, three attempts each");
    }

    @Test
    void aDeliveryOutOfAttemptsIsFailedForGoodAndListedAsFailed() {
        World w = world();
        UUID ticket = UUID.randomUUID();
        failFirst(ticket.toString(), 99);
        await(() -> timers.escalateNow(SubjectType.TICKET, ticket, EscalationReason.TOTAL_OUTAGE, w.local(),
                w.customer()));
        await(delivery::deliverOnce);
        clock.advance(Duration.ofMinutes(1));
        await(delivery::deliverOnce);
        clock.advance(Duration.ofMinutes(2));
        await(delivery::deliverOnce);

        given().get("/api/v1/notifications?state=FAILED&sourceId=" + ticket).then().statusCode(200)
                .header("X-Total-Count", "3")
                .body("channel", everyItem(equalTo("WEBHOOK")))
                .body("attempts", everyItem(equalTo(3)))
                .body("lastError", everyItem(containsString("webhook answered 500")))
                .body("nextAttemptAt", everyItem(org.hamcrest.Matchers.nullValue()));
        clock.advance(Duration.ofHours(2));
        await(delivery::deliverOnce);
        assertEquals(9, postsAbout(ticket.toString()).size(), "a failed delivery is not tried again");
        given().get("/api/v1/notifications?state=DEAD").then().statusCode(400)
                .body("errors[0].field", equalTo("state"));
    }

    @Test
    void deliveriesLeftPendingByACrashAreSentByTheNextRun() {
        World w = world();
        UUID subject = UUID.randomUUID();
        UUID recipient = w.cce();
        OffsetDateTime before = clock.instant().minus(Duration.ofMinutes(30)).atOffset(ZoneOffset.UTC);
        UUID notification = UUID.randomUUID();
        exec("insert into notification (id, recipient_id, role, channel, text, subject_type, subject_id, created_at)"
                + " values ($1, $2, 'CHIEF_CUSTOMER_ENGINEER', 'EMAIL,WEBHOOK', $3, 'TICKET', $4, $5)",
                notification, recipient, "【知会】故障单 " + subject + " 已升级", subject, before);
        // committed, then the process died before sending: never attempted
        insertDelivery(notification, "EMAIL", null, recipient, subject, "【知会】故障单 " + subject + " 已升级", 0, before);
        // claimed by a replica that died while sending: attempted once, its lease over
        insertDelivery(notification, "WEBHOOK", bot, recipient, subject, "【知会】故障单 " + subject + " 已升级", 1,
                before.plusMinutes(2));

        await(delivery::deliverOnce);

        given().get("/api/v1/notifications?sourceId=" + subject).then()
                .body("state", everyItem(equalTo("SENT"))).body("$", hasSize(2));
        assertEquals(1, mailsAbout(subject).size());
        assertEquals(List.of(w.cceMail()), mailsAbout(subject).get(0).get("to"));
        assertEquals(1, postsAbout(subject.toString()).size());
        assertEquals(1L, count("select count(*) from notification where id = $1 and delivered_at is not null",
                notification));
    }

    @Test
    void twoDeliveryRunsSideBySideNeverSendARowTwice() {
        UUID subject = UUID.randomUUID();
        UUID recipient = UUID.randomUUID();
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        for (int i = 0; i < 40; i++) {
            insertDelivery(UUID.randomUUID(), "WEBHOOK", bot, recipient, subject, "第 " + i + " 条 " + subject, 0, now);
        }
        List<Integer> runs = await(() -> Uni.join().all(delivery.deliverOnce(), delivery.deliverOnce())
                .andFailFast());
        // other tests' deliveries still pending in this database may be sent by the same runs
        assertTrue(runs.get(0) + runs.get(1) >= 40, "sent " + runs);
        List<JsonObject> posts = postsAbout(subject.toString());
        assertEquals(40, posts.size());
        assertEquals(40, posts.stream().map(JsonObject::encode).distinct().count(), "each row posted once");
        given().get("/api/v1/notifications?limit=100&sourceId=" + subject).then()
                .body("$", hasSize(40)).body("state", everyItem(equalTo("SENT"))).body("attempts", everyItem(equalTo(1)));
    }

    private void insertDelivery(UUID notification, String channel, String address, UUID recipient, UUID subject,
                                String body, int attempts, OffsetDateTime due) {
        exec("insert into notification_delivery (id, notification_id, channel, recipient_id, address, subject, body,"
                        + " state, attempts, next_attempt_at, created_at, source_type, source_id)"
                        + " values ($1, $2, $3, $4, $5, '【OnePoint】故障单：知会', $6, 'PENDING', $7, $8, $8, 'TICKET', $9)",
                UUID.randomUUID(), notification, channel, recipient, address, body, attempts, due, subject);
    }

    private void exec(String sql, Object... params) {
        pool.preparedQuery(sql).execute(Tuple.from(params)).await().indefinitely();
    }

    private long count(String sql, Object... params) {
        return pool.preparedQuery(sql).execute(Tuple.from(params)).await().indefinitely().iterator().next().getLong(0);
    }
}
