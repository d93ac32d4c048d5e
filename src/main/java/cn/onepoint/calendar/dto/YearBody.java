package cn.onepoint.calendar.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** A year's arrangement as published, shaped like the bundled JSON files (calendar/cn/YYYY.json). */
@Schema(name = "CalendarYearBody")
public record YearBody(
        @Schema(description = "Optional; when given it must equal the year in the path", examples = "2027") Integer year,
        @Schema(description = "Where the arrangement comes from, e.g. the State Council notice (max 500 characters)",
                examples = "https://www.gov.cn/zhengce/...") String source,
        @Schema(description = "true: loaded before the official notice (e.g. derived from the law's holidays), to be "
                + "replaced when it is published; shown in the API and in health. Default false")
        Boolean provisional,
        @Schema(required = true, description = "Every day off and every adjusted working day of the year; other days follow the normal week")
        List<DayBody> days) {
}
