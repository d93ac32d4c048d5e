package cn.onepoint.feed;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Server pings (1 s in the test profile) and the feed's metrics. */
@QuarkusTest
class FeedHousekeepingTest {

    @Inject
    Vertx vertx;

    @Test
    void theServerPingsEveryConnection() {
        try (FeedClient client = FeedClient.connect(vertx, RestAssured.port, "/ws/feed")) {
            await().atMost(Duration.ofSeconds(5)).until(() -> client.pings.get() >= 2);
            assertTrue(client.messages.isEmpty() || client.closeCode == null);
        }
    }

    @Test
    void metricsShowLagConnectionsAndDroppedConsumers() {
        try (FeedClient client = FeedClient.connect(vertx, RestAssured.port, "/ws/feed")) {
            await().atMost(Duration.ofSeconds(5)).until(() -> given().get("/q/metrics").then().extract().asString()
                    .lines().anyMatch(l -> l.startsWith("onepoint_feed_connections ") && !l.endsWith(" 0.0")));
            given().get("/q/metrics").then().statusCode(200)
                    .body(containsString("onepoint_feed_relay_lag_seconds"))
                    .body(containsString("onepoint_feed_relay_leader 1.0"))
                    .body(containsString("onepoint_feed_relay_sequenced_total"))
                    .body(containsString("onepoint_feed_slow_consumers_dropped_total"))
                    .body(containsString("onepoint_feed_relay_timeouts_total"))
                    .body(containsString("onepoint_feed_replay_pages_shared_total"));
            assertTrue(client.closeCode == null);
        }
    }
}
