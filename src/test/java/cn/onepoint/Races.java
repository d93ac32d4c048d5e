package cn.onepoint;

import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fires one request N times at once (the threads wait at a barrier, then all send) and checks how the service
 * settled the race: exactly one winner, every loser the answer it would have got had it come second.
 */
public final class Races {

    private Races() {
    }

    /** The answers of {@code n} identical POSTs of {@code body} to {@code path}, sent at the same moment. */
    public static List<ExtractableResponse<Response>> post(int n, String path, Object body) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CyclicBarrier start = new CyclicBarrier(n);
            List<Future<ExtractableResponse<Response>>> sent = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                sent.add(pool.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    return given().contentType(ContentType.JSON).body(body).when().post(path).then().extract();
                }));
            }
            List<ExtractableResponse<Response>> answers = new ArrayList<>();
            for (Future<ExtractableResponse<Response>> f : sent) {
                answers.add(f.get(120, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Exactly one 2xx; every other answer {@code loser} as problem+json with {@code code}; never a 5xx. Gives the
     * winner.
     */
    public static ExtractableResponse<Response> oneWins(List<ExtractableResponse<Response>> answers, int loser,
                                                        String code) {
        String seen = answers.stream().map(a -> a.statusCode() + (a.statusCode() >= 300 ? " " + a.path("code") : ""))
                .collect(Collectors.joining(", "));
        List<ExtractableResponse<Response>> won = answers.stream().filter(a -> a.statusCode() / 100 == 2).toList();
        assertEquals(1, won.size(), "one winner: " + seen);
        for (ExtractableResponse<Response> a : answers) {
            if (a != won.get(0)) {
                assertEquals(loser, a.statusCode(), "every loser " + loser + ": " + seen);
                assertTrue(a.contentType().startsWith("application/problem+json"), seen);
                assertEquals(code, a.path("code"), "the losers' code: " + seen);
            }
        }
        return won.get(0);
    }

    /** Every loser's 400 names {@code field}, the way a sequential duplicate does. */
    public static void losersName(List<ExtractableResponse<Response>> answers, String field) {
        for (ExtractableResponse<Response> a : answers) {
            if (a.statusCode() == 400) {
                assertEquals(List.of(field), a.path("errors.field"), a.asString());
            }
        }
    }

    /** A count of the database, straight from PostgreSQL. */
    public static long count(Pool db, String sql, Object... args) {
        return db.preparedQuery(sql).execute(Tuple.from(args)).await().indefinitely().iterator().next().getLong(0);
    }

    /** How often {@code action} was applied to {@code id}: its rows in the history {@code table} keyed by {@code column}. */
    public static long applied(Pool db, String table, String column, Object id, String action) {
        return count(db, "select count(*) from " + table + " where " + column + " = $1 and action = $2",
                java.util.UUID.fromString(id.toString()), action);
    }

    /** Open timers of {@code id} beyond one per kind: a loser that started a second clock shows here. */
    public static long secondOpenTimers(Pool db, Object id) {
        return count(db, "select count(*) - count(distinct kind) from timer where subject_id = $1 "
                + "and state in ('running', 'paused')", java.util.UUID.fromString(id.toString()));
    }
}
