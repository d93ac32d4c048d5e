package cn.onepoint.calendar;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.DayOfWeek;
import java.time.LocalDate;

/** One calendar day as the working calendar sees it. */
@Schema(name = "CalendarDay", description = "A day of the working calendar")
public record Day(
        @Schema(examples = "2026-10-10") LocalDate date,
        @Schema(examples = "SATURDAY") DayOfWeek dayOfWeek,
        @Schema(description = "Whether staff work that day (WORKDAY or ADJUSTED_WORKDAY)") boolean working,
        DayKind kind,
        @Schema(description = "The holiday a HOLIDAY or ADJUSTED_WORKDAY belongs to, as published", examples = "国庆节")
        String holiday) {
}
