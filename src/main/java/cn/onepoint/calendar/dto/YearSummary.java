package cn.onepoint.calendar.dto;

import cn.onepoint.calendar.YearArrangement;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** A loaded year, without its days. */
@Schema(name = "CalendarYearSummary")
public record YearSummary(
        @Schema(examples = "2026") String id,
        @Schema(examples = "/api/v1/calendar/years/2026") String href,
        @Schema(examples = "2026") int year,
        String source,
        @Schema(description = "BUNDLED (seeded from the shipped data) or OPERATOR (loaded with PUT)") YearArrangement.Origin origin,
        @Schema(description = "true: loaded before the official notice; working days computed with it may move when "
                + "the published arrangement replaces it (docs/calendar.md)") boolean provisional,
        @Schema(description = "Listed days off", examples = "33") int offDays,
        @Schema(description = "Adjusted working days 调休上班", examples = "6") int adjustedWorkdays,
        @Schema(description = "Moves on every change; the ETag") long version,
        Instant updatedAt) {

    public static YearSummary of(YearArrangement y) {
        return new YearSummary(Integer.toString(y.year()), "/api/v1/calendar/years/" + y.year(), y.year(), y.source(),
                y.origin(), y.provisional(), y.offDays(), y.adjustedWorkdays(), y.version(), y.updatedAt());
    }
}
