package cn.onepoint.calendar.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A listed day of a year's arrangement. The date is text so that every malformed one can be named. */
@Schema(name = "CalendarDayBody")
public record DayBody(
        @Schema(required = true, examples = "2027-10-01", description = "yyyy-MM-dd, inside the year") String date,
        @Schema(required = true, examples = "国庆节", description = "The holiday as published (max 100 characters)") String name,
        @Schema(required = true, description = "true: official day off; false: adjusted working day 调休上班, only on a Saturday or Sunday")
        Boolean offDay) {
}
