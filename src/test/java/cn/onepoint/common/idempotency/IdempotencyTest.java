package cn.onepoint.common.idempotency;

import cn.onepoint.Fixtures;
import cn.onepoint.MutableClock;
import cn.onepoint.common.idempotency.IdempotencyStore.Claim;
import cn.onepoint.common.idempotency.IdempotencyStore.Scope;
import cn.onepoint.ticket.World;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Idempotency-Key through the HTTP surface: replays, refusals, races, expiry, the crash window. */
@QuarkusTest
class IdempotencyTest {

    private static final String TICKETS = "/api/v1/tickets";

    @Inject
    IdempotencyStore store;
    @Inject
    IdempotencyConfig config;
    @Inject
    MutableClock clock;
    @Inject
    Clock injectedClock;
    @Inject
    ObjectMapper json;

    World w;
    /** A circuit of its own per test, so that counting its tickets counts only this test's. */
    String circuitCode;
    String circuitId;
    String intake;

    @BeforeEach
    void world() throws Exception {
        w = World.get();
        String customer = Fixtures.customer("PROVINCIAL", "湖北", "武汉");
        circuitId = Fixtures.circuit(customer, "MSTP", Fixtures.end("汉口局", "武汉", "湖北", true, w.wuhan),
                Fixtures.end("宜昌局", "宜昌", "湖北", false, w.yichang), null);
        circuitCode = given().get("/api/v1/circuits/" + circuitId).then().extract().path("code");
        // Serialised once: a retry sends the same bytes.
        intake = json.writeValueAsString(w.intake(circuitCode, "MSTP", w.hubeiDesk));
    }

    private static RequestSpecification withKey(String key) {
        RequestSpecification r = given().contentType(ContentType.JSON);
        return key == null ? r : r.header(IdempotencyFilter.HEADER, key);
    }

    private ExtractableResponse<Response> takeFault(String key, String body) {
        return withKey(key).body(body).post(TICKETS).then().extract();
    }

    private int ticketsOnCircuit() {
        return Integer.parseInt(given().queryParam("circuitId", circuitId).get(TICKETS)
                .then().statusCode(200).extract().header("X-Total-Count"));
    }

    private static String key() {
        return "k-" + UUID.randomUUID();
    }

    @Test
    void retriedIntakeReplaysTheFirstResponseAndTakesOneFault() {
        String key = key();
        ExtractableResponse<Response> first = takeFault(key, intake);
        ExtractableResponse<Response> retry = takeFault(key, intake);

        assertEquals(201, first.statusCode());
        assertNull(first.header(IdempotencyFilter.REPLAYED));
        assertEquals(201, retry.statusCode());
        assertEquals("true", retry.header(IdempotencyFilter.REPLAYED));
        assertEquals(first.body().asString(), retry.body().asString());
        assertNotNull(first.header("Location"));
        assertEquals(first.header("Location"), retry.header("Location"));
        assertNotNull(first.header("ETag"));
        assertEquals(first.header("ETag"), retry.header("ETag"));
        assertTrue(retry.contentType().startsWith("application/json"), retry.contentType());
        assertEquals(1, ticketsOnCircuit());
    }

    @Test
    void withoutTheHeaderEveryPostRunsAsBefore() {
        assertNull(takeFault(null, intake).header(IdempotencyFilter.REPLAYED));
        takeFault(null, intake);
        assertEquals(2, ticketsOnCircuit());
    }

    @Test
    void retriedCommandRunsOnce() {
        String t = takeFault(null, intake).path("id");
        String key = key();
        Map<String, String> accept = Map.of("personId", w.hubeiAcceptor);
        withKey(key).body(accept).post(TICKETS + "/" + t + "/accept").then().statusCode(200)
                .header(IdempotencyFilter.REPLAYED, nullValue()).body("status", equalTo("inProgress"));
        // Run again, accept would be a 409 state conflict: the replay shows it did not run.
        withKey(key).body(accept).post(TICKETS + "/" + t + "/accept").then().statusCode(200)
                .header(IdempotencyFilter.REPLAYED, equalTo("true")).body("status", equalTo("inProgress"));
        List<String> actions = given().get(TICKETS + "/" + t + "/history").then().extract().path("action");
        assertEquals(List.of("create", "accept"), actions);
    }

    @Test
    void aKeyIsScopedToItsEndpoint() {
        String a = takeFault(null, intake).path("id");
        String b = takeFault(null, intake).path("id");
        String key = key();
        for (String t : List.of(a, b)) {
            withKey(key).body(Map.of("personId", w.hubeiAcceptor)).post(TICKETS + "/" + t + "/accept")
                    .then().statusCode(200).header(IdempotencyFilter.REPLAYED, nullValue());
        }
    }

    @Test
    void sameKeyWithAnotherBodyIsRefusedAndRunsNothing() {
        String key = key();
        takeFault(key, intake);
        withKey(key).body(intake.replace("电路中断", "电路误码")).post(TICKETS).then().statusCode(422)
                .contentType("application/problem+json")
                .body("code", equalTo("IDEMPOTENCY_KEY_REUSED"))
                .body("type", equalTo("https://onepoint.cn/problems/idempotency-key"))
                .body("detail", containsString("Idempotency-Key"))
                .body("detail", containsString("新的"));
        withKey(key).header("Accept-Language", "en").body(intake.replace("电路中断", "电路误码")).post(TICKETS)
                .then().statusCode(422).body("title", equalTo("Idempotency-Key conflict"))
                .body("detail", containsString("was used for a different request"));
        assertEquals(1, ticketsOnCircuit());
    }

    @Test
    void concurrentDuplicatesTakeOneFault() {
        String key = key();
        int n = 4;
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<ExtractableResponse<Response>>> calls = IntStream.range(0, n)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                    return takeFault(key, intake);
                })).toList();
        start.countDown();
        List<ExtractableResponse<Response>> answers = calls.stream().map(CompletableFuture::join).toList();

        long ran = answers.stream().filter(r -> r.statusCode() == 201 && r.header(IdempotencyFilter.REPLAYED) == null)
                .count();
        assertEquals(1, ran, "exactly one request ran");
        for (ExtractableResponse<Response> r : answers) {
            boolean replay = r.statusCode() == 201;
            boolean busy = r.statusCode() == 409 && "IDEMPOTENCY_IN_PROGRESS".equals(r.path("code"));
            assertTrue(replay || busy, r.statusCode() + " " + r.body().asString());
        }
        assertEquals(1, ticketsOnCircuit());
    }

    @Test
    void aRuleRefusalIsRecordedAndReplayed() {
        String t = takeFault(null, intake).path("id");
        String key = key();
        // T6: the acceptor must belong to the desk that took the fault.
        Map<String, String> wrong = Map.of("personId", w.wuhanHandler);
        withKey(key).body(wrong).post(TICKETS + "/" + t + "/accept").then().statusCode(403)
                .body("code", equalTo("T6")).header(IdempotencyFilter.REPLAYED, nullValue());
        withKey(key).body(wrong).post(TICKETS + "/" + t + "/accept").then().statusCode(403)
                .contentType("application/problem+json")
                .body("code", equalTo("T6")).header(IdempotencyFilter.REPLAYED, equalTo("true"));
        given().get(TICKETS + "/" + t).then().body("status", equalTo("acknowledged"));
    }

    @Test
    void malformedKeysAreRefusedNamingTheHeader() {
        for (String bad : List.of("", "x".repeat(256), "a\tb", "\"\"")) {
            withKey(bad).body(intake).post(TICKETS).then().statusCode(400)
                    .contentType("application/problem+json").body("code", equalTo("VALIDATION"))
                    .body("errors[0].field", equalTo("Idempotency-Key"))
                    .body("errors[0].message", containsString("255"));
        }
        given().contentType(ContentType.JSON).header(IdempotencyFilter.HEADER, "a")
                .header(IdempotencyFilter.HEADER, "b").header("Accept-Language", "en").body(intake).post(TICKETS)
                .then().statusCode(400).body("errors[0].field", equalTo("Idempotency-Key"))
                .body("errors[0].message", containsString("printable ASCII"));
        assertEquals(0, ticketsOnCircuit());
        takeFault("x".repeat(255), intake.replace("电路中断", UUID.randomUUID().toString()));
        assertEquals(1, ticketsOnCircuit());
    }

    @Test
    void aBodyOverTheServersLimitIsRefusedBeforeAnythingIsClaimed() throws Exception {
        // The filter reads the body itself, past the server's own reader: it must apply the same limit. With a
        // Content-Length over it the server answers 413 before any filter; a chunked body reaches the filter.
        String key = key();
        String huge = intake.replace("电路中断", "断".repeat(100_000)); // ≈ 300 KB, the test limit is 256 KB
        withKey(key).body(huge).post(TICKETS).then().statusCode(413);
        java.net.http.HttpResponse<String> chunked = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                                "http://localhost:" + io.restassured.RestAssured.port + TICKETS))
                        .header("Content-Type", "application/json").header(IdempotencyFilter.HEADER, key)
                        .header("Authorization", cn.onepoint.Tokens.bearerService("automation"))
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(
                                () -> new java.io.ByteArrayInputStream(huge.getBytes(StandardCharsets.UTF_8))))
                        .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(413, chunked.statusCode());
        assertEquals("application/problem+json", chunked.headers().firstValue("Content-Type").orElse(""));
        assertTrue(chunked.body().contains("请求体过大"), chunked.body());
        assertEquals(0, ticketsOnCircuit());
        takeFault(key, intake);
        assertEquals(1, ticketsOnCircuit(), "the key was not taken by the refused request");
    }

    @Test
    void theQuotedFormOfTheDraftNamesTheSameKey() {
        String key = key();
        takeFault(key, intake);
        assertEquals("true", takeFault("\"" + key + "\"", intake).header(IdempotencyFilter.REPLAYED));
        assertEquals(1, ticketsOnCircuit());
    }

    @Test
    void aKeyPastRetentionIsForgottenAndPurged() {
        String key = key();
        takeFault(key, intake);
        clock.advance(config.retention().plusMinutes(1));
        ExtractableResponse<Response> again = takeFault(key, intake);
        assertEquals(201, again.statusCode());
        assertNull(again.header(IdempotencyFilter.REPLAYED));
        assertEquals(2, ticketsOnCircuit());

        clock.advance(config.retention().plusMinutes(1));
        assertTrue(store.purge().await().indefinitely() >= 1);
        assertNull(store.find(new Scope(key, "POST", TICKETS)).await().indefinitely());
    }

    /**
     * A claim without a recorded response (the process died between the two): 409 "in progress" within the
     * timeout, then 409 "outcome unknown" until retention, never a second run; after retention it runs.
     */
    @Test
    void aKeyLeftInProgressIsNeverRunAgainBeforeRetention() {
        String key = key();
        Scope scope = new Scope(key, "POST", TICKETS);
        assertNotNull(store.claim(scope, IdempotencyFilter.sha256(intake.getBytes())).await().indefinitely());

        withKey(key).body(intake).post(TICKETS).then().statusCode(409)
                .contentType("application/problem+json").body("code", equalTo("IDEMPOTENCY_IN_PROGRESS"));
        withKey(key).body(intake.replace("电路中断", "电路误码")).post(TICKETS).then().statusCode(422)
                .body("code", equalTo("IDEMPOTENCY_KEY_REUSED"));
        clock.advance(config.inProgressTimeout().plusSeconds(1));
        withKey(key).header("Accept-Language", "en").body(intake).post(TICKETS).then().statusCode(409)
                .body("code", equalTo("IDEMPOTENCY_OUTCOME_UNKNOWN"))
                .body("detail", containsString("new Idempotency-Key"));
        withKey(key).body(intake).post(TICKETS).then().statusCode(409)
                .body("code", equalTo("IDEMPOTENCY_OUTCOME_UNKNOWN")).body("detail", containsString("查询"));
        assertEquals(0, ticketsOnCircuit());

        clock.advance(config.retention());
        assertEquals(201, takeFault(key, intake).statusCode());
        assertEquals(1, ticketsOnCircuit());
    }

    /** No endpoint fails with a 5xx on demand, so the response filter is driven directly. */
    @Test
    void aServerFailureReleasesTheKeyAndAnAnswerDoesNot() {
        IdempotencyFilter filter = new IdempotencyFilter(store, config, injectedClock, json,
                new io.quarkus.runtime.configuration.MemorySize(java.math.BigInteger.valueOf(1 << 20)));
        String key = key();
        Scope scope = new Scope(key, "POST", TICKETS);
        Claim claim = store.claim(scope, IdempotencyFilter.sha256(intake.getBytes())).await().indefinitely();

        filter.record(requestHolding(claim), response(500)).await().indefinitely();
        assertNull(store.find(scope).await().indefinitely(), "released");
        ExtractableResponse<Response> retry = takeFault(key, intake);
        assertEquals(201, retry.statusCode());
        assertNull(retry.header(IdempotencyFilter.REPLAYED));

        Scope other = new Scope(key(), "POST", TICKETS);
        Claim kept = store.claim(other, "0".repeat(64)).await().indefinitely();
        filter.record(requestHolding(kept), response(404)).await().indefinitely();
        assertEquals(404, store.find(other).await().indefinitely().outcome().status());
    }

    private static ContainerRequestContext requestHolding(Claim claim) {
        return (ContainerRequestContext) Proxy.newProxyInstance(IdempotencyTest.class.getClassLoader(),
                new Class<?>[] {ContainerRequestContext.class},
                (p, m, args) -> "getProperty".equals(m.getName()) ? claim : null);
    }

    private static ContainerResponseContext response(int status) {
        return (ContainerResponseContext) Proxy.newProxyInstance(IdempotencyTest.class.getClassLoader(),
                new Class<?>[] {ContainerResponseContext.class},
                (p, m, args) -> "getStatus".equals(m.getName()) ? status : null);
    }
}
