package cn.onepoint.calendar;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The snapshot swap rules, without a database. */
class CalendarSnapshotTest {

    private static YearArrangement year(int y, long version, String offDay) {
        return YearArrangement.of(y, "test", YearArrangement.Origin.OPERATOR, version, Instant.EPOCH,
                List.of(new YearArrangement.Entry(LocalDate.parse(offDay), "x", true)));
    }

    @Test
    void aReloadDoesNotUndoANewerLocalPut() {
        CalendarSnapshot local = new CalendarSnapshot(Map.of(2027, year(2027, 3, "2027-01-05")));
        // a read of the database that began before the PUT committed
        CalendarSnapshot stale = new CalendarSnapshot(Map.of(2027, year(2027, 2, "2027-01-06"),
                2026, year(2026, 0, "2026-01-05")));
        CalendarSnapshot merged = local.mergedWith(stale);
        assertEquals(3, merged.years().get(2027).version());
        assertFalse(merged.isWorkingDay(LocalDate.parse("2027-01-05")));
        assertTrue(merged.isWorkingDay(LocalDate.parse("2027-01-06")));
        assertTrue(merged.hasYear(2026));
        // a newer read wins
        CalendarSnapshot newer = new CalendarSnapshot(Map.of(2027, year(2027, 4, "2027-01-06")));
        assertEquals(4, merged.mergedWith(newer).years().get(2027).version());
    }

    @Test
    void countsAreTheListedEntries() {
        YearArrangement y = YearArrangement.of(2027, null, YearArrangement.Origin.OPERATOR, 0, Instant.EPOCH, List.of(
                new YearArrangement.Entry(LocalDate.parse("2027-01-01"), "元旦", true),
                new YearArrangement.Entry(LocalDate.parse("2027-01-09"), "元旦", false)));
        assertEquals(1, y.offDays());
        assertEquals(1, y.adjustedWorkdays());
    }
}
