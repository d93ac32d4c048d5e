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
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Filters, one ticket's feed and the scope of a local network's person. Each filtered client must receive exactly the events
 * of the window that the database says match, no more and no fewer, in seq order.
 */
@QuarkusTest
class FeedFilterTest {

    @Inject
    Pool pool;
    @Inject
    Vertx vertx;
    @Inject
    Clock clock;

    @Test
    void eachClientGetsExactlyTheEventsItsFiltersAndGrantSelect() {
        World w = World.get();
        FeedTestSupport.awaitAllSequenced(pool);
        long start = FeedTestSupport.lastSeq(pool);
        UUID wuhan = UUID.fromString(w.wuhan);
        UUID groupCustomer = UUID.fromString(w.groupCustomer);
        String hubeiProvince = URLEncoder.encode("湖北", StandardCharsets.UTF_8);

        Map<String, FeedClient> clients = new LinkedHashMap<>();
        Map<String, Predicate<Row>> expected = new LinkedHashMap<>();
        String since = "since=" + start;
        clients.put("all", FeedClient.connect(vertx, RestAssured.port, "/ws/feed?" + since));
        expected.put("all", r -> true);
        clients.put("workorders", FeedClient.connect(vertx, RestAssured.port, "/ws/feed?topics=workorders&" + since));
        expected.put("workorders", r -> "workorders".equals(r.getString("topic")));
        clients.put("tickets+timers", FeedClient.connect(vertx, RestAssured.port,
                "/ws/feed?" + since + "&topics=tickets&topics=timers"));
        expected.put("tickets+timers", r -> Set.of("tickets", "timers").contains(r.getString("topic")));
        clients.put("unit", FeedClient.connect(vertx, RestAssured.port, "/ws/feed?" + since + "&unit=" + wuhan));
        expected.put("unit", r -> wuhan.equals(r.getUUID("unit_id")));
        clients.put("customer", FeedClient.connect(vertx, RestAssured.port,
                "/ws/feed?" + since + "&customer=" + groupCustomer));
        expected.put("customer", r -> groupCustomer.equals(r.getUUID("customer_id")));
        clients.put("province", FeedClient.connect(vertx, RestAssured.port,
                "/ws/feed?" + since + "&topics=timers&province=" + hubeiProvince));
        expected.put("province", r -> "timers".equals(r.getString("topic")) && "湖北".equals(r.getString("province")));
        // A handler of 武汉 (LOCAL scope): 武汉's events and those of the tickets that involve 武汉, whatever it
        // asks for; asking for 宜昌 it gets only 宜昌's events of such tickets.
        Map<String, String> wuhanToken = Map.of("Authorization", Tokens.bearerForPerson(w.wuhanHandler));
        Predicate<Row> wuhanScope = FeedTestSupport.scopeOfUnit(pool, wuhan);
        clients.put("local", FeedClient.connect(vertx, RestAssured.port, "/ws/feed?" + since, wuhanToken));
        expected.put("local", wuhanScope);
        clients.put("local-asks-other", FeedClient.connect(vertx, RestAssured.port,
                "/ws/feed?" + since + "&unit=" + w.yichang, wuhanToken));
        expected.put("local-asks-other", r -> UUID.fromString(w.yichang).equals(r.getUUID("unit_id")));

        try {
            // A 湖北 ticket: accepted, dispatched to 武汉 and 宜昌, 武汉 accepts its work order.
            String t1 = w.accepted(w.hubeiMstp, "MSTP", w.hubeiDesk, w.hubeiAcceptor);
            List<Map<String, Object>> wos = World.dispatch(t1, w.hubeiAcceptor);
            String wuhanWo = World.woOf(wos, w.wuhan);
            World.wo(wuhanWo, "accept", Map.of("personId", w.wuhanHandler)).statusCode(200);
            // A group customer's cross-province ticket.
            String t2 = w.ticket(w.crossMstp, "MSTP", w.groupDesk);
            // Timer events as the timer engine writes them (raw SQL): one on 武汉's work order, one on t2.
            FeedTestSupport.insert(pool, clock.instant(), "timers", "TimerWarningEvent", "WORK_ORDER",
                    UUID.fromString(wuhanWo), null, wuhan, "湖北", "{\"kind\":\"accept\"}");
            FeedTestSupport.insert(pool, clock.instant(), "timers", "TimerBreachEvent", "TICKET",
                    UUID.fromString(t2), groupCustomer, null, "四川", "{\"kind\":\"resolution\"}");
            FeedTestSupport.awaitAllSequenced(pool);
            long end = FeedTestSupport.lastSeq(pool);
            List<Row> window = FeedTestSupport.rows(pool, start, end);
            assertTrue(window.size() >= 8, "events in the window: " + window.size());

            // The window's last event is a timer on t2 (group customer, no unit, 四川): every client that
            // should see it has all before it; for the rest, the "all" client marks the end.
            FeedClient all = clients.get("all");
            await().atMost(Duration.ofSeconds(15)).until(() -> all.lastSeq() == end);
            // The scope remembers the tickets it has seen involve 武汉: it is asked in seq order, once per row.
            Set<Long> inScope = window.stream().filter(wuhanScope).map(r -> r.getLong("seq"))
                    .collect(Collectors.toSet());
            expected.put("local-asks-other", expected.get("local-asks-other")
                    .and(r -> inScope.contains(r.getLong("seq"))));
            expected.put("local", r -> inScope.contains(r.getLong("seq")));
            for (Map.Entry<String, FeedClient> c : clients.entrySet()) {
                List<Long> want = window.stream().filter(expected.get(c.getKey()))
                        .map(r -> r.getLong("seq")).collect(Collectors.toList());
                await().atMost(Duration.ofSeconds(10)).until(() -> c.getValue().seqs().size() >= want.size());
                // A little longer, so an unexpected extra event has the chance to show up.
                await().pollDelay(Duration.ofMillis(200)).until(() -> true);
                assertEquals(want, c.getValue().seqs(), c.getKey());
                assertNull(c.getValue().closeCode, c.getKey());
            }
            assertFalse(clients.get("workorders").seqs().isEmpty());
            assertFalse(clients.get("unit").seqs().isEmpty());
            assertFalse(clients.get("customer").seqs().isEmpty());
            // real timer events of the 湖北 tickets count too, since the fault flow runs its timers
            assertFalse(clients.get("province").seqs().isEmpty());
            // t1 involves 武汉: its status changes and 宜昌's work order after the dispatch are 武汉's too.
            List<Long> local = clients.get("local").seqs();
            assertTrue(local.containsAll(clients.get("unit").seqs()), "all of 武汉's own events");
            assertTrue(local.size() > clients.get("unit").seqs().size(), "and more of the tickets involving it");
            assertFalse(clients.get("local-asks-other").seqs().isEmpty(), "宜昌's work order of t1");
            assertTrue(local.size() < all.seqs().size(), "but not t2 (another province, no 武汉)");
            assertTrue(clients.get("local").messages.stream().noneMatch(m -> t2.equals(
                    m.getJsonObject("event").getString("id"))), "nothing of t2");
        } finally {
            clients.values().forEach(FeedClient::close);
        }
    }

    @Test
    void oneTicketsFeedCarriesItsOwnEventsIncludingItsWorkOrdersAndTimers() {
        World w = World.get();
        FeedTestSupport.awaitAllSequenced(pool);
        long start = FeedTestSupport.lastSeq(pool);
        String t1 = w.accepted(w.hubeiMstp, "MSTP", w.hubeiDesk, w.hubeiAcceptor);
        String other = w.accepted(w.hubeiMstp, "MSTP", w.hubeiDesk, w.hubeiAcceptor);
        // Connected mid-way with since: the first part comes from the replay, the rest live.
        try (FeedClient ticket = FeedClient.connect(vertx, RestAssured.port, "/ws/tickets/" + t1 + "?since=" + start);
             FeedClient all = FeedClient.connect(vertx, RestAssured.port, "/ws/feed?since=" + start)) {
            List<Map<String, Object>> wos = World.dispatch(t1, w.hubeiAcceptor);
            String wuhanWo = World.woOf(wos, w.wuhan);
            World.wo(wuhanWo, "accept", Map.of("personId", w.wuhanHandler)).statusCode(200);
            World.dispatch(other, w.hubeiAcceptor);
            FeedTestSupport.insert(pool, clock.instant(), "timers", "TimerWarningEvent", "WORK_ORDER",
                    UUID.fromString(wuhanWo), null, null, null, "{\"kind\":\"accept\"}");
            FeedTestSupport.insert(pool, clock.instant(), "timers", "TimerWarningEvent", "TICKET",
                    UUID.fromString(other), null, null, null, "{\"kind\":\"resolution\"}");
            FeedTestSupport.awaitAllSequenced(pool);
            long end = FeedTestSupport.lastSeq(pool);
            await().atMost(Duration.ofSeconds(15)).until(() -> all.lastSeq() == end);

            // Expected from the work orders the API lists for t1, not from the feed's own root column.
            Set<String> t1WorkOrders = given().get("/api/v1/tickets/" + t1 + "/dispatches").then().statusCode(200)
                    .extract().jsonPath().getList("id", String.class).stream().collect(Collectors.toSet());
            assertEquals(2, t1WorkOrders.size());
            List<Long> want = new ArrayList<>();
            Set<String> types = new java.util.HashSet<>();
            for (Row r : FeedTestSupport.rows(pool, start, end)) {
                String subject = r.getUUID("subject_id").toString();
                boolean mine = subject.equals(t1)
                        || ("WORK_ORDER".equals(r.getString("subject_type")) && t1WorkOrders.contains(subject));
                if (mine) {
                    want.add(r.getLong("seq"));
                    types.add(r.getString("event_type"));
                }
            }
            assertTrue(types.containsAll(Set.of("TroubleTicketCreateEvent", "TroubleTicketStatusChangeEvent",
                    "WorkOrderStateChangeEvent", "TimerWarningEvent")), types.toString());
            await().atMost(Duration.ofSeconds(10)).until(() -> ticket.seqs().size() >= want.size());
            await().pollDelay(Duration.ofMillis(200)).until(() -> true);
            assertEquals(want, ticket.seqs());
            assertTrue(ticket.messages.stream().noneMatch(m -> Objects.equals(other,
                    m.getJsonObject("event").getString("id"))));
        }
    }

    @Test
    void badParametersCloseTheSocketWithAReason() {
        Map<String, String> en = Map.of("Accept-Language", "en");
        try (FeedClient c = FeedClient.connect(vertx, RestAssured.port, "/ws/feed?since=abc", en)) {
            c.awaitClose(Duration.ofSeconds(5));
            assertEquals((short) 4400, c.closeCode);
            assertEquals("Parameter not understood: since=abc", c.closeReason);
        }
        try (FeedClient c = FeedClient.connect(vertx, RestAssured.port, "/ws/feed?topics=tickets,alarms", en)) {
            c.awaitClose(Duration.ofSeconds(5));
            assertEquals((short) 4400, c.closeCode);
            assertEquals("Parameter not understood: topics=alarms", c.closeReason);
        }
        try (FeedClient c = FeedClient.connect(vertx, RestAssured.port, "/ws/feed?unit=wuhan")) {
            c.awaitClose(Duration.ofSeconds(5));
            assertEquals((short) 4400, c.closeCode);
            assertEquals("参数无法识别：unit=wuhan", c.closeReason);
        }
        try (FeedClient c = FeedClient.connect(vertx, RestAssured.port, "/ws/tickets/FT0001", en)) {
            c.awaitClose(Duration.ofSeconds(5));
            assertEquals((short) 4400, c.closeCode);
        }
    }
}
