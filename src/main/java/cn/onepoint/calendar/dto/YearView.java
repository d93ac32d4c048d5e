package cn.onepoint.calendar.dto;

import cn.onepoint.calendar.YearArrangement;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** A loaded year with its listed days, in the shape PUT accepts. */
@Schema(name = "CalendarYear")
public record YearView(
        @Schema(examples = "2026") String id,
        @Schema(examples = "/api/v1/calendar/years/2026") String href,
        @Schema(examples = "2026") int year,
        String source,
        YearArrangement.Origin origin,
        @Schema(description = "true: loaded before the official notice, to be replaced when it is published") boolean provisional,
        int offDays,
        int adjustedWorkdays,
        long version,
        Instant updatedAt,
        @Schema(description = "Listed days, sorted by date") List<YearArrangement.Entry> days) {

    public static YearView of(YearArrangement y) {
        return new YearView(Integer.toString(y.year()), "/api/v1/calendar/years/" + y.year(), y.year(), y.source(),
                y.origin(), y.provisional(), y.offDays(), y.adjustedWorkdays(), y.version(), y.updatedAt(),
                List.copyOf(y.days().values()));
    }
}
