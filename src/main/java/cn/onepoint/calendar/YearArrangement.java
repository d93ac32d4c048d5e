package cn.onepoint.calendar;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * One year's published holiday arrangement 放假调休安排, immutable: its listed days (offDay:true = day off,
 * offDay:false = adjusted working day), where it came from, whether it is provisional (loaded before the official
 * notice), and its version (moves on every change).
 */
public record YearArrangement(int year, String source, Origin origin, boolean provisional, long version,
                              Instant updatedAt, NavigableMap<LocalDate, Entry> days) {

    /** Who loaded the year: the bundled JSON at start-up, or an operator's PUT (which start-up never overrides). */
    public enum Origin { BUNDLED, OPERATOR }

    /** A listed day, as in the JSON files. */
    @Schema(name = "CalendarEntry")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Entry(@Schema(examples = "2026-10-01") LocalDate date,
                        @Schema(examples = "国庆节") String name,
                        @Schema(description = "true: official day off; false: adjusted working day 调休上班 (Sat/Sun)")
                        boolean offDay) {
    }

    public YearArrangement {
        days = Collections.unmodifiableNavigableMap(new TreeMap<>(days));
    }

    public static YearArrangement of(int year, String source, Origin origin, long version, Instant updatedAt,
                                     Collection<Entry> entries) {
        return of(year, source, origin, false, version, updatedAt, entries);
    }

    public static YearArrangement of(int year, String source, Origin origin, boolean provisional, long version,
                                     Instant updatedAt, Collection<Entry> entries) {
        TreeMap<LocalDate, Entry> map = new TreeMap<>();
        for (Entry e : entries) {
            map.put(e.date(), e);
        }
        return new YearArrangement(year, source, origin, provisional, version, updatedAt, map);
    }

    public int offDays() {
        return (int) days.values().stream().filter(Entry::offDay).count();
    }

    public int adjustedWorkdays() {
        return days.size() - offDays();
    }
}
