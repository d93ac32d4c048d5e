package cn.onepoint.calendar.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;

/** The answer of /calendar/working-days: either {@code add} → result and deadline, or {@code to} → count. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "WorkingDays")
public record WorkingDaysView(
        @Schema(examples = "2026-09-30") LocalDate from,
        @Schema(description = "Working days added (negative: counted backwards)", examples = "2") Integer add,
        @Schema(description = "The add-th working day after from (from not counted); with add=0, from or the next working day",
                examples = "2026-10-09") LocalDate result,
        @Schema(description = "End of the result day: end-of-day local time (default 18:00 Asia/Shanghai) as an instant",
                examples = "2026-10-09T10:00:00Z") Instant deadline,
        @Schema(description = "With to: the end date", examples = "2026-10-12") LocalDate to,
        @Schema(description = "With to: working days in (from, to], negative (minus those in [to, from)) when to is before from",
                examples = "3") Integer workingDays) {

    public static WorkingDaysView added(LocalDate from, int add, LocalDate result, Instant deadline) {
        return new WorkingDaysView(from, add, result, deadline, null, null);
    }

    public static WorkingDaysView between(LocalDate from, LocalDate to, int workingDays) {
        return new WorkingDaysView(from, null, null, null, to, workingDays);
    }
}
