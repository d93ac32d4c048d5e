package cn.onepoint.calendar;

import cn.onepoint.MutableClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bundled 2027 is provisional (docs/calendar.md), and a missing or provisional next year is a warning in health
 * and in the metric from 1 November on, while readiness stays UP.
 */
@QuarkusTest
class NextYearTest {

    private static final String CHECK = "checks.find { it.name == 'working-calendar' }";

    @Inject
    BundledCalendar bundled;
    @Inject
    MutableClock clock;
    @Inject
    com.fasterxml.jackson.databind.ObjectMapper json;

    @AfterEach
    void realTime() {
        clock.setTo(Instant.now());
    }

    @Test
    void theBundled2027IsTheLawsHolidaysMarkedProvisional() {
        BundledCalendar.Bundled y = bundled.years().stream().filter(b -> b.year() == 2027).findFirst().orElseThrow();
        assertTrue(y.provisional());
        assertTrue(y.source().startsWith("PROVISIONAL"), y.source());
        // no 调休 is guessed: only days off, each a statutory day or the workday given for one on a weekend
        assertTrue(y.entries().stream().allMatch(YearArrangement.Entry::offDay));
        Map<String, List<String>> byName = new java.util.TreeMap<>();
        y.entries().forEach(e -> byName.computeIfAbsent(e.name(), k -> new java.util.ArrayList<>())
                .add(e.date().toString()));
        assertEquals(List.of("2027-01-01"), byName.get("元旦"));
        // 除夕 Fri 02-05, 初一..初三 02-06..08; the two on the weekend are given back on Tue 09 and Wed 10
        assertEquals(List.of("2027-02-05", "2027-02-06", "2027-02-07", "2027-02-08", "2027-02-09", "2027-02-10"),
                byName.get("春节"));
        assertEquals(List.of("2027-04-05"), byName.get("清明节"));
        // 05-01 Sat and 05-02 Sun: given back on Mon 03 and Tue 04
        assertEquals(List.of("2027-05-01", "2027-05-02", "2027-05-03", "2027-05-04"), byName.get("劳动节"));
        assertEquals(List.of("2027-06-09"), byName.get("端午节"));
        assertEquals(List.of("2027-09-15"), byName.get("中秋节"));
        // 10-01 Fri, 10-02 Sat, 10-03 Sun: the weekend two given back on Mon 04 and Tue 05
        assertEquals(List.of("2027-10-01", "2027-10-02", "2027-10-03", "2027-10-04", "2027-10-05"), byName.get("国庆节"));
        assertEquals(DayOfWeek.FRIDAY, LocalDate.parse("2027-02-05").getDayOfWeek());
        // the flag is part of the content: the official file replacing it refreshes an untouched bundled year
        assertFalse(y.checksum().equals(BundledCalendar.checksum(2027, y.source(), false, y.entries())));
    }

    @Test
    void aProvisionalOrMissingNextYearWarnsFromTheFirstOfNovember() throws IOException {
        put2027(true);
        given().get("/api/v1/calendar/years/2027").then().statusCode(200).body("provisional", equalTo(true));
        given().get("/api/v1/calendar/years").then().body("find { it.year == 2027 }.provisional", equalTo(true))
                .body("find { it.year == 2026 }.provisional", equalTo(false));

        clock.setTo(Instant.parse("2026-12-02T02:00:00Z"));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body(CHECK + ".status", equalTo("UP"))
                .body(CHECK + ".data.nextYear", equalTo(2027))
                .body(CHECK + ".data.nextYearLoaded", equalTo(true))
                .body(CHECK + ".data.nextYearProvisional", equalTo(true))
                .body(CHECK + ".data.provisionalYears", equalTo("2027"))
                .body(CHECK + ".data.warning", containsString("2027 is provisional"));
        assertEquals(1.0, warningGauge());

        // before 1 November (Asia/Shanghai): nothing to warn about yet
        clock.setTo(Instant.parse("2026-10-31T15:59:00Z"));
        given().get("/q/health/ready").then().statusCode(200)
                .body(CHECK + ".data.nextYearProvisional", equalTo(true)).body(CHECK + ".data.warning", nullValue());
        assertEquals(0.0, warningGauge());
        clock.setTo(Instant.parse("2026-10-31T16:00:00Z"));   // 2026-11-01 00:00 in Shanghai
        given().get("/q/health/ready").then().body(CHECK + ".data.warning", containsString("2027"));

        // a next year nobody loaded (2023, seen from December 2022) is missing
        clock.setTo(Instant.parse("2022-12-01T02:00:00Z"));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body(CHECK + ".data.nextYear", equalTo(2023))
                .body(CHECK + ".data.nextYearLoaded", equalTo(false))
                .body(CHECK + ".data.warning", containsString("2023 is missing"));
        assertEquals(1.0, warningGauge());

        // the official arrangement loaded: no warning
        put2027(false);
        clock.setTo(Instant.parse("2026-12-02T02:00:00Z"));
        given().get("/q/health/ready").then().statusCode(200)
                .body(CHECK + ".data.nextYearProvisional", equalTo(false)).body(CHECK + ".data.warning", nullValue());
        assertEquals(0.0, warningGauge());
        given().get("/api/v1/calendar/years/2027").then().body("provisional", equalTo(false));
    }

    /** PUTs the shipped 2027 content as an operator would, provisional or not. */
    private void put2027(boolean provisional) throws IOException {
        Map<String, Object> body;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("calendar/cn/2027.json")) {
            body = json.readValue(in, new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() { });
        }
        body.put("provisional", provisional);
        given().contentType(ContentType.JSON).body(body).put("/api/v1/calendar/years/2027")
                .then().statusCode(org.hamcrest.Matchers.oneOf(200, 201)).body("provisional", equalTo(provisional));
    }

    private static double warningGauge() {
        String metrics = given().accept("text/plain").get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("(?m)^onepoint_calendar_next_year_warning(?:\\{[^}]*})? (\\S+)$").matcher(metrics);
        assertTrue(m.find(), "gauge exported");
        return Double.parseDouble(m.group(1));
    }
}
