package cn.onepoint.calendar;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Java API other features call (P3, P4, P6, P8, timers), on the bundled data in the real database. */
@QuarkusTest
class WorkingCalendarTest {

    @Inject
    WorkingCalendar calendar;

    @Inject
    CalendarService service;

    @Test
    void deadlineIsTheEndOfTheWorkingDayInShanghai() {
        // 2026-09-30 09:00 Shanghai + 2 working days → 2026-10-09 18:00 Shanghai = 10:00Z
        assertEquals(Instant.parse("2026-10-09T10:00:00Z"),
                calendar.deadlineAfterWorkingDays(Instant.parse("2026-09-30T01:00:00Z"), 2));
        // 2026-09-30T17:00Z is already 10-01 01:00 in Shanghai: counting starts from 10-01, so +1 is 10-08
        assertEquals(Instant.parse("2026-10-08T10:00:00Z"),
                calendar.deadlineAfterWorkingDays(Instant.parse("2026-09-30T17:00:00Z"), 1));
        // P3: survey within 2 working days of Fri 2026-09-18 → the makeup Sunday is the first, Mon 09-21 the second
        assertEquals(Instant.parse("2026-09-21T10:00:00Z"),
                calendar.deadlineAfterWorkingDays(Instant.parse("2026-09-18T03:00:00Z"), 2));
        // 0 on a day off: the end of the next working day
        assertEquals(Instant.parse("2026-02-24T10:00:00Z"),
                calendar.deadlineAfterWorkingDays(Instant.parse("2026-02-16T03:00:00Z"), 0));
    }

    @Test
    void workingDayFlags() {
        assertTrue(calendar.isWorkingDay(LocalDate.parse("2026-02-14")));   // makeup Saturday
        assertFalse(calendar.isWorkingDay(LocalDate.parse("2026-02-16")));  // 春节, a Monday
        assertFalse(calendar.isWorkingDay(LocalDate.parse("2026-02-21")));  // 春节, a Saturday
        assertTrue(calendar.isWorkingDay(LocalDate.parse("2026-10-10")));   // makeup Saturday
        assertFalse(calendar.isWorkingDay(LocalDate.parse("2026-10-11")));  // plain Sunday
        assertTrue(calendar.isWorkingDay(LocalDate.parse("2024-02-09")));   // 除夕 2024 was only "encouraged" off
        assertEquals(DayKind.ADJUSTED_WORKDAY, calendar.day(LocalDate.parse("2026-01-04")).kind());
        assertEquals("元旦", calendar.day(LocalDate.parse("2026-01-04")).holiday());
    }

    @Test
    void addingThenCountingGivesBackN() {
        for (LocalDate d = LocalDate.parse("2024-02-01"); d.isBefore(LocalDate.parse("2026-11-30")); d = d.plusDays(3)) {
            for (int n = -12; n <= 12; n++) {
                if (n == 0) {
                    continue;
                }
                LocalDate r = calendar.addWorkingDays(d, n);
                assertTrue(calendar.isWorkingDay(r), d + " + " + n);
                assertEquals(n, calendar.workingDaysBetween(d, r), d + " + " + n + " = " + r);
            }
        }
    }

    @Test
    void aMissingYearIsRefusedNotGuessed() {
        CalendarYearMissingException e = assertThrows(CalendarYearMissingException.class,
                () -> calendar.isWorkingDay(LocalDate.parse("2030-06-03")));
        assertEquals(2030, e.year());
        assertEquals(422, e.status());
        assertEquals("CALENDAR_YEAR_MISSING", e.code());
        assertEquals(2023, assertThrows(CalendarYearMissingException.class,
                () -> calendar.addWorkingDays(LocalDate.parse("2024-01-02"), -1)).year());
        assertThrows(CalendarYearMissingException.class,
                () -> calendar.deadlineAfterWorkingDays(Instant.parse("2030-01-01T00:00:00Z"), 1));
    }

    @Test
    void aYearWrittenByAnotherReplicaIsPickedUpOnReload() throws Throwable {
        // As another replica's PUT would: a row straight in the tables, version moved on each run.
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> Panache.getSession().chain(s ->
                s.createNativeQuery("""
                        insert into calendar_year (year, source, origin, version, updated_at)
                        values (2040, 'test: other replica', 'OPERATOR', 0, now())
                        on conflict (year) do update set version = calendar_year.version + 1, updated_at = now()""")
                        .executeUpdate()
                        .chain(() -> s.createNativeQuery("""
                                insert into calendar_day (day, year, name, off_day) values ('2040-01-02', 2040, '元旦', true)
                                on conflict (day) do nothing""").executeUpdate()))));
        long dbVersion = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> Panache.getSession()
                .chain(s -> s.createNativeQuery("select version from calendar_year where year = 2040", Long.class)
                        .getSingleResult())));
        // Not seen until a reload (the scheduled one runs every onepoint.calendar.reload-interval)
        VertxContextSupport.subscribeAndAwait(() -> service.reload());
        assertEquals(dbVersion, calendar.year(2040).orElseThrow().version());
        assertFalse(calendar.isWorkingDay(LocalDate.parse("2040-01-02")));  // a Monday, listed off
        assertTrue(calendar.isWorkingDay(LocalDate.parse("2040-01-03")));
    }
}
