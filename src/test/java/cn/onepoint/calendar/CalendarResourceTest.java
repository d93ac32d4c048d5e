package cn.onepoint.calendar;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * The working calendar through its HTTP API, on the bundled 2024–2026 data. The database is shared by every
 * test: only {@link #putYear2027TakesEffectAtOnceAndIsHonoured()} loads a year (2027); the "missing year"
 * tests use 2023, 2028 and 2030, which no test loads.
 */
@QuarkusTest
class CalendarResourceTest {

    private static final String MISSING = "CALENDAR_YEAR_MISSING";

    private static ValidatableResponse add(String from, int n) {
        return given().queryParam("from", from).queryParam("add", n)
                .when().get("/api/v1/calendar/working-days").then();
    }

    private static String result(String from, int n) {
        return add(from, n).statusCode(200).extract().path("result");
    }

    private static int between(String from, String to) {
        return given().queryParam("from", from).queryParam("to", to)
                .when().get("/api/v1/calendar/working-days").then().statusCode(200)
                .body("from", equalTo(from)).body("to", equalTo(to))
                .extract().path("workingDays");
    }

    private static void assertResult(String from, int n, String expected) {
        org.junit.jupiter.api.Assertions.assertEquals(expected, result(from, n), from + " + " + n + " working days");
    }

    // ---- arithmetic on the published arrangements -------------------------------------------------

    @Test
    void springFestival2026SkipsTheBlockAndWorksTheMakeupSaturdays() {
        // off 02-15..23; makeup Saturdays 02-14 and 02-28
        assertResult("2026-02-13", 1, "2026-02-14");
        assertResult("2026-02-14", 1, "2026-02-24");
        assertResult("2026-02-13", 2, "2026-02-24");
        assertResult("2026-02-27", 1, "2026-02-28");
        assertResult("2026-02-28", 1, "2026-03-02");
        assertResult("2026-02-12", 5, "2026-02-26");
        assertEquals(6, between("2026-02-13", "2026-02-28"));
        // adding 0: a working day stays, a day off moves to the next working day
        assertResult("2026-02-13", 0, "2026-02-13");
        assertResult("2026-02-14", 0, "2026-02-14");
        assertResult("2026-02-15", 0, "2026-02-24");
        // backwards over the block
        assertResult("2026-02-24", -1, "2026-02-14");
        assertResult("2026-02-24", -2, "2026-02-13");
    }

    @Test
    void nationalDay2026WithMidAutumnAndMakeupDays() {
        // 中秋 09-25..27 and 国庆 10-01..07 off; makeup 09-20 (Sun) and 10-10 (Sat)
        add("2026-09-30", 2).statusCode(200)
                .body("from", equalTo("2026-09-30"))
                .body("add", equalTo(2))
                .body("result", equalTo("2026-10-09"))
                .body("deadline", equalTo("2026-10-09T10:00:00Z"));
        assertResult("2026-09-18", 1, "2026-09-20");
        assertResult("2026-09-19", 0, "2026-09-20");
        assertResult("2026-09-24", 1, "2026-09-28");
        assertResult("2026-09-30", 1, "2026-10-08");
        assertResult("2026-10-09", 1, "2026-10-10");
        assertResult("2026-10-10", 1, "2026-10-12");
        assertEquals(10, between("2026-09-30", "2026-10-20"));
    }

    @Test
    void tenWorkingDaysBeforeADueDateInOctober2026() {
        // P6: back from Tue 10-20 over 10-19, 16, 15, 14, 13, 12, 10 (Sat makeup), 09, 08, then the block, to 09-30
        add("2026-10-20", -10).statusCode(200)
                .body("result", equalTo("2026-09-30"))
                .body("deadline", equalTo("2026-09-30T10:00:00Z"));
        assertResult("2026-10-20", -7, "2026-10-10");
        assertResult("2026-10-12", -3, "2026-10-08");
        assertEquals(-10, between("2026-10-20", "2026-09-30"));
        assertEquals(0, between("2026-10-20", "2026-10-20"));
    }

    @Test
    void yearBoundary2025To2026() {
        // 元旦 2026-01-01..03 off, Sun 2026-01-04 worked
        assertResult("2025-12-31", 1, "2026-01-04");
        assertResult("2025-12-26", 3, "2025-12-31");
        assertResult("2025-12-31", 2, "2026-01-05");
        assertResult("2026-01-05", -2, "2025-12-31");
        assertResult("2026-01-01", 0, "2026-01-04");
        assertEquals(2, between("2025-12-31", "2026-01-05"));
        assertEquals(-2, between("2026-01-05", "2025-12-31"));
    }

    @Test
    void daysOfARangeCarryKindAndHolidayName() {
        given().queryParam("from", "2026-09-19").queryParam("to", "2026-10-11")
                .when().get("/api/v1/calendar/days")
                .then().statusCode(200)
                .header("X-Total-Count", "23")
                .body("", hasSize(23))
                .body("[0].date", equalTo("2026-09-19"))
                .body("[0].kind", equalTo("WEEKEND")).body("[0].working", equalTo(false))
                .body("[0].holiday", nullValue())
                .body("[1].date", equalTo("2026-09-20")).body("[1].dayOfWeek", equalTo("SUNDAY"))
                .body("[1].kind", equalTo("ADJUSTED_WORKDAY")).body("[1].working", equalTo(true))
                .body("[1].holiday", equalTo("国庆节"))
                .body("[2].kind", equalTo("WORKDAY")).body("[2].working", equalTo(true))
                .body("find { it.date == '2026-09-25' }.kind", equalTo("HOLIDAY"))
                .body("find { it.date == '2026-09-25' }.holiday", equalTo("中秋节"))
                // a weekend day inside the block is a HOLIDAY, not a plain WEEKEND
                .body("find { it.date == '2026-10-03' }.kind", equalTo("HOLIDAY"))
                .body("find { it.date == '2026-10-10' }.kind", equalTo("ADJUSTED_WORKDAY"))
                .body("find { it.date == '2026-10-11' }.kind", equalTo("WEEKEND"))
                .body("findAll { it.working }.size()", equalTo(11));
    }

    @Test
    void bundledYearsAreListedWithTheirCounts() {
        given().when().get("/api/v1/calendar/years")
                .then().statusCode(200)
                .body("year", hasItems(2024, 2025, 2026))
                .body("find { it.year == 2024 }.offDays", equalTo(28))
                .body("find { it.year == 2024 }.adjustedWorkdays", equalTo(8))
                .body("find { it.year == 2025 }.offDays", equalTo(28))
                .body("find { it.year == 2025 }.adjustedWorkdays", equalTo(5))
                .body("find { it.year == 2026 }.offDays", equalTo(33))
                .body("find { it.year == 2026 }.adjustedWorkdays", equalTo(6))
                .body("find { it.year == 2026 }.origin", equalTo("BUNDLED"))
                .body("find { it.year == 2026 }.source", containsString("holiday-cn"))
                .body("find { it.year == 2026 }.href", equalTo("/api/v1/calendar/years/2026"));
        given().when().get("/api/v1/calendar/years/2026")
                .then().statusCode(200)
                .header("ETag", notNullValue())
                .body("year", equalTo(2026))
                .body("days", hasSize(39))
                .body("days[3].date", equalTo("2026-01-04"))
                .body("days[3].name", equalTo("元旦"))
                .body("days[3].offDay", equalTo(false));
        given().when().get("/api/v1/calendar/years/1999")
                .then().statusCode(404).contentType("application/problem+json").body("code", equalTo("NOT_FOUND"));
    }

    // ---- missing years ----------------------------------------------------------------------------

    @Test
    void aComputationTouchingAMissingYearIsRefused() {
        given().queryParam("from", "2030-01-01").queryParam("to", "2030-01-10")
                .when().get("/api/v1/calendar/days")
                .then().statusCode(422).contentType("application/problem+json")
                .body("status", equalTo(422))
                .body("code", equalTo(MISSING))
                .body("detail", containsString("2030"))
                .body("detail", containsString("PUT /api/v1/calendar/years/2030"));
        add("2030-03-04", 0).statusCode(422).body("code", equalTo(MISSING));
        // never silently Mon–Fri: walking back from 2024 into 2023 is refused, naming 2023
        add("2024-01-02", -1).statusCode(422).contentType("application/problem+json")
                .body("code", equalTo(MISSING))
                .body("detail", containsString("2023"))
                .body("detail", containsString("PUT /api/v1/calendar/years/2023"));
        // the start date's year counts too
        add("2023-12-29", 5).statusCode(422).body("code", equalTo(MISSING));
        given().queryParam("from", "2023-12-01").queryParam("to", "2024-01-05")
                .when().get("/api/v1/calendar/working-days")
                .then().statusCode(422).body("code", equalTo(MISSING));
        given().header("Accept-Language", "en").queryParam("from", "2030-01-01").queryParam("add", 1)
                .when().get("/api/v1/calendar/working-days")
                .then().statusCode(422).body("detail", containsString("no holiday arrangement for 2030"));
    }

    // ---- loading a year ---------------------------------------------------------------------------

    private static Map<String, Object> day(String date, String name, Object offDay) {
        Map<String, Object> m = new HashMap<>();
        m.put("date", date);
        m.put("name", name);
        m.put("offDay", offDay);
        return m;
    }

    /** A small made-up arrangement: 元旦 Fri 01-01 and Mon 01-04 off, Sat 01-09 worked. */
    private static Map<String, Object> arrangement2027() {
        return Map.of("year", 2027, "source", "test: made-up arrangement", "days", List.of(
                day("2027-01-01", "元旦", true),
                day("2027-01-04", "元旦", true),
                day("2027-01-09", "元旦", false)));
    }

    @Test
    void putYear2027TakesEffectAtOnceAndIsHonoured() {
        boolean loadedBefore = given().get("/api/v1/calendar/years/2027").statusCode() == 200;
        if (!loadedBefore) {
            add("2026-12-30", 5).statusCode(422).body("code", equalTo(MISSING))
                    .body("detail", containsString("PUT /api/v1/calendar/years/2027"));
        }
        int status = given().contentType(ContentType.JSON).body(arrangement2027())
                .when().put("/api/v1/calendar/years/2027")
                .then().statusCode(loadedBefore ? 200 : 201)
                .header("Location", loadedBefore ? nullValue() : endsWith("://localhost:" + RestAssured.port
                        + "/api/v1/calendar/years/2027"))
                .header("ETag", notNullValue())
                .body("year", equalTo(2027))
                .body("origin", equalTo("OPERATOR"))
                .body("offDays", equalTo(2))
                .body("adjustedWorkdays", equalTo(1))
                .body("days.date", equalTo(List.of("2027-01-01", "2027-01-04", "2027-01-09")))
                .extract().statusCode();
        if (status == 201) {
            given().get("/api/v1/calendar/years/2027").then().statusCode(200).body("version", equalTo(0));
        }

        // Wed 2026-12-30: 12-31 (1), 01-01 and 01-04 off, 01-05..08 (2..5), Sat 01-09 worked (6)
        assertResult("2026-12-30", 5, "2027-01-08");
        add("2026-12-30", 6).statusCode(200)
                .body("result", equalTo("2027-01-09"))
                .body("deadline", equalTo("2027-01-09T10:00:00Z"));
        assertResult("2027-01-11", -1, "2027-01-09");
        assertEquals(6, between("2026-12-30", "2027-01-09"));
        given().queryParam("from", "2027-01-01").queryParam("to", "2027-01-10")
                .when().get("/api/v1/calendar/days").then().statusCode(200)
                .body("kind", equalTo(List.of("HOLIDAY", "WEEKEND", "WEEKEND", "HOLIDAY", "WORKDAY", "WORKDAY",
                        "WORKDAY", "WORKDAY", "ADJUSTED_WORKDAY", "WEEKEND")));
        given().get("/api/v1/calendar/years").then().statusCode(200)
                .body("find { it.year == 2027 }.origin", equalTo("OPERATOR"));
        // running on into 2028, which nobody loaded, is refused naming 2028
        add("2027-12-28", 10).statusCode(422).body("code", equalTo(MISSING)).body("detail", containsString("2028"));

        // If-Match: a stale version is refused, the current one accepted and moved on
        String etag = given().get("/api/v1/calendar/years/2027").then().statusCode(200).extract().header("ETag");
        long version = Long.parseLong(etag.replace("\"", "").replace("W/", ""));
        given().contentType(ContentType.JSON).header("If-Match", "\"" + (version + 100) + "\"").body(arrangement2027())
                .when().put("/api/v1/calendar/years/2027")
                .then().statusCode(412).contentType("application/problem+json");
        given().contentType(ContentType.JSON).header("If-Match", etag).body(arrangement2027())
                .when().put("/api/v1/calendar/years/2027")
                .then().statusCode(200).body("version", equalTo((int) version + 1));
    }

    @Test
    void putNamesEveryBadEntryByIndexAndWritesNothing() {
        List<Object> days = new ArrayList<>();
        days.add(day("2031-01-01", "元旦", true));          // 0: fine
        days.add(day("2030-12-31", "元旦", true));          // 1: not in 2031
        days.add(day("2031-13-01", "元旦", true));          // 2: not a date
        days.add(day("2031-01-01", "元旦", true));          // 3: repeats days[0]
        days.add(day("2031-01-06", "元旦", false));         // 4: a Monday cannot be an adjusted working day
        days.add(day("2031-01-11", null, null));           // 5: no name, no offDay
        days.add(day(null, "清明", true));                  // 6: no date (a null entry is refused before, docs/errors.md)
        days.add(day(null, "春节", true));                  // 7: no date
        Map<String, Object> body = new HashMap<>();
        body.put("year", 2030);
        body.put("source", "test");
        body.put("days", days);
        given().contentType(ContentType.JSON).body(body)
                .when().put("/api/v1/calendar/years/2031")
                .then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("VALIDATION"))
                .body("errors.field", containsInAnyOrder("year", "days[1].date", "days[2].date", "days[3].date",
                        "days[4].offDay", "days[5].name", "days[5].offDay", "days[6].date", "days[7].date"))
                .body("errors.find { it.field == 'days[3].date' }.message", containsString("days[0]"))
                .body("errors.find { it.field == 'days[4].offDay' }.message", containsString("周六或周日"));
        given().get("/api/v1/calendar/years/2031").then().statusCode(404);

        given().contentType(ContentType.JSON).body(Map.of("days", List.of()))
                .when().put("/api/v1/calendar/years/2031")
                .then().statusCode(400).body("errors.field", containsInAnyOrder("days"));
        given().contentType(ContentType.JSON).body(Map.of("source", "x"))
                .when().put("/api/v1/calendar/years/2031")
                .then().statusCode(400).body("errors.field", containsInAnyOrder("days"));
        given().contentType(ContentType.JSON).body(Map.of("days", List.of(day("2031-01-01", "元旦", true))))
                .when().put("/api/v1/calendar/years/twenty")
                .then().statusCode(400).body("errors.field", containsInAnyOrder("year"));
        given().contentType(ContentType.JSON).body(Map.of("days", List.of(Map.of("date", "2031-01-01", "name", "元旦",
                        "offDay", "maybe"))))
                .when().put("/api/v1/calendar/years/2031")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("days[0].offDay"));
    }

    // ---- bad query parameters ---------------------------------------------------------------------

    @Test
    void badParametersAreNamed() {
        given().when().get("/api/v1/calendar/working-days")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("from", "add"));
        given().queryParam("from", "2026-13-01").queryParam("add", "two")
                .when().get("/api/v1/calendar/working-days")
                .then().statusCode(400).body("errors.field", containsInAnyOrder("from", "add"))
                .body("errors.find { it.field == 'add' }.message", containsString("two"));
        given().queryParam("from", "2026-10-01").queryParam("add", 1).queryParam("to", "2026-10-09")
                .when().get("/api/v1/calendar/working-days")
                .then().statusCode(400).body("errors.field", containsInAnyOrder("to"));
        given().queryParam("from", "2026-10-09").queryParam("to", "2026-10-01")
                .when().get("/api/v1/calendar/days")
                .then().statusCode(400).body("errors.field", containsInAnyOrder("to"));
        given().queryParam("from", "2025-01-01").queryParam("to", "2026-01-02")
                .when().get("/api/v1/calendar/days")
                .then().statusCode(400).body("errors.field", containsInAnyOrder("to"))
                .body("errors[0].message", containsString("366"));
        given().queryParam("to", "x")
                .when().get("/api/v1/calendar/days")
                .then().statusCode(400).body("errors.field", containsInAnyOrder("from", "to"));
        // a full leap year is allowed
        given().queryParam("from", "2024-01-01").queryParam("to", "2024-12-31")
                .when().get("/api/v1/calendar/days")
                .then().statusCode(200).body("", hasSize(366));
    }

    private static void assertEquals(int expected, int actual) {
        org.junit.jupiter.api.Assertions.assertEquals(expected, actual);
    }
}
