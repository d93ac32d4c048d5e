package cn.onepoint.feed;

import cn.onepoint.Tokens;
import cn.onepoint.ticket.World;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The feed sockets need a valid token at the upgrade, by header or (browsers) by subprotocol; a connection closes
 * when its token expires; each connection sees only what its actor's scope covers (docs/feed.md, "Authentication").
 */
@QuarkusTest
class FeedSecurityTest {

    private static final Map<String, String> NO_TOKEN = Map.of("Authorization", "");

    @Inject
    Vertx vertx;
    @Inject
    Pool pool;

    @Test
    void anUpgradeWithoutAValidTokenIsRefused() {
        World w = World.get();
        String login = Tokens.loginOf(w.wuhanHandler);
        String ticketFeed = "/ws/tickets/" + UUID.randomUUID();
        for (String path : List.of("/ws/feed", ticketFeed)) {
            assertEquals(401, FeedClient.refusal(vertx, RestAssured.port, path, NO_TOKEN), path + " without a token");
            assertEquals(401, FeedClient.refusal(vertx, RestAssured.port, path,
                    Map.of("Authorization", Tokens.bearer(Tokens.expired(login)))), path + " expired");
            assertEquals(401, FeedClient.refusal(vertx, RestAssured.port, path,
                    Map.of("Authorization", Tokens.bearer(Tokens.badSignature(login)))), path + " bad signature");
            assertEquals(401, FeedClient.refusal(vertx, RestAssured.port, path,
                    Map.of("Authorization", Tokens.bearer(Tokens.wrongIssuer(login)))), path + " wrong issuer");
            assertEquals(403, FeedClient.refusal(vertx, RestAssured.port, path,
                    Map.of("Authorization", Tokens.bearerFor("nobody-" + UUID.randomUUID()))), path + " unknown login");
            // a browser's carrier with a bad token is refused the same way
            assertEquals(401, FeedClient.refusal(vertx, RestAssured.port, path,
                    Map.of(FeedClient.PROTOCOLS, carrier(Tokens.expired(login)))), path + " expired, by subprotocol");
        }
    }

    @Test
    void aBrowserCarriesTheTokenAsASubprotocolAndGetsTheCarrierBack() {
        World w = World.get();
        FeedTestSupport.awaitAllSequenced(pool);
        long start = FeedTestSupport.lastSeq(pool);
        try (FeedClient c = FeedClient.connect(vertx, RestAssured.port, "/ws/feed?since=" + start,
                Map.of(FeedClient.PROTOCOLS, carrier(Tokens.forPersonId(w.hubeiAcceptor))))) {
            assertEquals("bearer-token-carrier", c.subProtocol());
            String t = w.ticket(w.hubeiMstp, "MSTP", w.hubeiDesk);
            await().atMost(Duration.ofSeconds(10)).until(() -> c.messages.stream()
                    .anyMatch(m -> t.equals(m.getJsonObject("event").getString("id"))));
            assertNull(c.closeCode);
        }
    }

    @Test
    void theConnectionClosesWhenItsTokenExpires() {
        World w = World.get();
        String login = Tokens.loginOf(w.wuhanHandler);
        long opened = System.nanoTime();
        try (FeedClient byHeader = FeedClient.connect(vertx, RestAssured.port, "/ws/feed",
                Map.of("Authorization", Tokens.bearer(Tokens.withLifetime(login, Duration.ofSeconds(3)))));
             FeedClient byCarrier = FeedClient.connect(vertx, RestAssured.port, "/ws/tickets/" + UUID.randomUUID(),
                     Map.of(FeedClient.PROTOCOLS, carrier(Tokens.withLifetime(login, Duration.ofSeconds(3)))));
             FeedClient lasting = FeedClient.connect(vertx, RestAssured.port, "/ws/feed",
                     Map.of("Authorization", Tokens.bearerFor(login)))) {
            assertFalse(byHeader.closed(), "open while the token is valid");
            for (FeedClient c : List.of(byHeader, byCarrier)) {
                c.awaitClose(Duration.ofSeconds(10));
                assertEquals((short) 1008, c.closeCode);
                assertEquals("Authentication expired", c.closeReason);
            }
            // JWT expiry has one-second resolution: the 3 s token ends between 2 and 3 s (plus the timer's slack).
            long seconds = Duration.ofNanos(System.nanoTime() - opened).toSeconds();
            assertTrue(seconds >= 1 && seconds < 8, "closed after " + seconds + " s");
            assertFalse(lasting.closed(), "a connection with a valid token stays open");
        }
    }

    @Test
    void eachActorSeesTheTicketsItsScopeCovers() {
        World w = World.get();
        FeedTestSupport.awaitAllSequenced(pool);
        long start = FeedTestSupport.lastSeq(pool);
        String since = "/ws/feed?since=" + start;
        Predicate<Row> yichangScope = FeedTestSupport.scopeOfUnit(pool, UUID.fromString(w.yichang));
        try (FeedClient yichang = as(w.yichangHandler, since);      // LOCAL 宜昌
             FeedClient chengdu = as(w.chengduHandler, since);      // LOCAL 成都
             FeedClient hubei = as(w.hubeiReviewer, since);         // PROVINCE 湖北
             FeedClient sichuan = as(w.sichuanReviewer, since);     // PROVINCE 四川
             FeedClient group = as(w.controller, since)) {          // GROUP
            // A 湖北 ticket, dispatched to 武汉 and 宜昌; 宜昌 accepts its work order.
            String t = w.accepted(w.hubeiMstp, "MSTP", w.hubeiDesk, w.hubeiAcceptor);
            List<Map<String, Object>> wos = World.dispatch(t, w.hubeiAcceptor);
            String yichangWo = World.woOf(wos, w.yichang);
            World.wo(yichangWo, "accept", Map.of("personId", w.yichangHandler)).statusCode(200);
            FeedTestSupport.awaitAllSequenced(pool);
            long end = FeedTestSupport.lastSeq(pool);
            await().atMost(Duration.ofSeconds(15)).until(() -> group.lastSeq() == end);

            List<Row> window = FeedTestSupport.rows(pool, start, end);
            List<Long> ofTicket = window.stream().filter(r -> UUID.fromString(t).equals(r.getUUID("root_id")))
                    .map(r -> r.getLong("seq")).collect(Collectors.toList());
            assertTrue(ofTicket.size() >= 5, "events of the ticket: " + ofTicket);
            List<Long> yichangWants = window.stream().filter(yichangScope).map(r -> r.getLong("seq"))
                    .filter(ofTicket::contains).collect(Collectors.toList());
            await().atMost(Duration.ofSeconds(10)).until(() -> of(yichang, ofTicket).size() >= yichangWants.size());
            await().pollDelay(Duration.ofMillis(300)).until(() -> true);

            assertEquals(ofTicket, of(group, ofTicket), "GROUP sees every event of the ticket");
            assertEquals(ofTicket, of(hubei, ofTicket), "PROVINCE 湖北 sees them all");
            // 宜昌 sees the ticket from the dispatch to 宜昌 on.
            assertEquals(yichangWants, of(yichang, ofTicket), "LOCAL 宜昌");
            assertTrue(yichang.messages.stream().anyMatch(m -> yichangWo.equals(m.getJsonObject("event")
                    .getString("id"))), "宜昌's work order");
            assertTrue(yichang.messages.stream().anyMatch(m -> ofTicket.contains(m.getLong("seq"))
                    && !w.yichang.equals(unitOf(window, m.getLong("seq")))), "an event of the ticket not 宜昌's own");
            // Another unit's and another province's people see nothing of it.
            assertEquals(List.of(), of(chengdu, ofTicket), "LOCAL 成都");
            assertEquals(List.of(), of(sichuan, ofTicket), "PROVINCE 四川");
            for (FeedClient c : List.of(yichang, chengdu, hubei, sichuan, group)) {
                assertNull(c.closeCode);
            }
        }
        // One ticket's feed is scoped too: 成都 asking for a 湖北 ticket's feed gets nothing of it.
        String t2 = w.accepted(w.hubeiMstp, "MSTP", w.hubeiDesk, w.hubeiAcceptor);
        try (FeedClient other = as(w.chengduHandler, "/ws/tickets/" + t2 + "?since=" + start);
             FeedClient own = as(w.hubeiReviewer, "/ws/tickets/" + t2 + "?since=" + start)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> !own.messages.isEmpty());
            await().pollDelay(Duration.ofMillis(300)).until(() -> true);
            assertEquals(List.of(), other.seqs());
            assertNull(other.closeCode);
        }
    }

    private FeedClient as(String personId, String pathAndQuery) {
        return FeedClient.connect(vertx, RestAssured.port, pathAndQuery,
                Map.of("Authorization", Tokens.bearerForPerson(personId)));
    }

    /** The seqs a client received among {@code seqs}. */
    private static List<Long> of(FeedClient c, List<Long> seqs) {
        return c.seqs().stream().filter(seqs::contains).collect(Collectors.toList());
    }

    private static String unitOf(List<Row> window, long seq) {
        return window.stream().filter(r -> r.getLong("seq") == seq).findFirst()
                .map(r -> Objects.toString(r.getUUID("unit_id"), null)).orElse(null);
    }

    /** The subprotocols a browser offers: the carrier, and the Authorization header URL-encoded. */
    private static String carrier(String token) {
        return "bearer-token-carrier," + URLEncoder.encode("quarkus-http-upgrade#Authorization#Bearer " + token,
                StandardCharsets.UTF_8);
    }
}
