package cn.onepoint.calendar;

import cn.onepoint.calendar.dto.DayBody;
import cn.onepoint.calendar.dto.YearBody;
import cn.onepoint.common.FieldErrors;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a year's arrangement (a PUT body or a bundled file) and names every bad entry by its index
 * ({@code days[3].date}). The same checks guard both, so a broken bundled file fails the start-up.
 */
final class YearValidator {

    static final int MIN_YEAR = 1900;
    static final int MAX_YEAR = 2199;
    /** More entries than days in a year cannot all be distinct dates of it. */
    static final int MAX_DAYS = 366;
    static final int MAX_NAME = 100;
    static final int MAX_SOURCE = 500;

    private YearValidator() {
    }

    /** The year of a path, or null with an error on field {@code year}. */
    static Integer year(String raw, FieldErrors errors) {
        Integer y = null;
        try {
            y = raw == null ? null : Integer.valueOf(raw.trim());
        } catch (NumberFormatException e) {
            // reported below
        }
        if (y == null || y < MIN_YEAR || y > MAX_YEAR) {
            errors.add("year", "field.calendar.year", MIN_YEAR, MAX_YEAR, raw);
            return null;
        }
        return y;
    }

    /** The valid entries of {@code body}; every problem goes to {@code errors}. */
    static List<YearArrangement.Entry> entries(int year, YearBody body, FieldErrors errors) {
        List<YearArrangement.Entry> out = new ArrayList<>();
        if (body == null || body.days() == null) {
            errors.add("days", "field.required");
            return out;
        }
        if (body.year() != null && body.year() != year) {
            errors.add("year", "field.calendar.yearMismatch", year);
        }
        if (body.source() != null && body.source().length() > MAX_SOURCE) {
            errors.add("source", "field.tooLong", MAX_SOURCE);
        }
        List<DayBody> days = body.days();
        if (days.isEmpty()) {
            errors.add("days", "field.calendar.noDays");
            return out;
        }
        if (days.size() > MAX_DAYS) {
            errors.add("days", "field.calendar.tooMany", MAX_DAYS, days.size());
            return out;
        }
        Map<LocalDate, Integer> seen = new HashMap<>();
        for (int i = 0; i < days.size(); i++) {
            String at = "days[" + i + "]";
            DayBody d = days.get(i);
            if (d == null) {
                errors.add(at, "field.required");
                continue;
            }
            LocalDate date = date(d.date(), at + ".date", errors);
            if (date != null && date.getYear() != year) {
                errors.add(at + ".date", "field.calendar.outsideYear", d.date(), year);
                date = null;
            }
            if (date != null) {
                Integer first = seen.putIfAbsent(date, i);
                if (first != null) {
                    errors.add(at + ".date", "field.calendar.duplicateDate", d.date(), first);
                    date = null;
                }
            }
            if (d.name() == null || d.name().isBlank()) {
                errors.add(at + ".name", "field.required");
            } else if (d.name().length() > MAX_NAME) {
                errors.add(at + ".name", "field.tooLong", MAX_NAME);
            }
            if (d.offDay() == null) {
                errors.add(at + ".offDay", "field.required");
            } else if (!d.offDay() && date != null && !weekend(date)) {
                // 调休上班 always moves work onto a Saturday or Sunday; a weekday is a working day anyway.
                errors.add(at + ".offDay", "field.calendar.adjustedNotWeekend", d.date());
            }
            if (date != null && d.name() != null && !d.name().isBlank() && d.name().length() <= MAX_NAME
                    && d.offDay() != null) {
                out.add(new YearArrangement.Entry(date, d.name().trim(), d.offDay()));
            }
        }
        return out;
    }

    private static LocalDate date(String raw, String field, FieldErrors errors) {
        if (raw == null || raw.isBlank()) {
            errors.add(field, "field.required");
            return null;
        }
        try {
            return LocalDate.parse(raw.trim());
        } catch (DateTimeParseException e) {
            errors.add(field, "field.date", raw);
            return null;
        }
    }

    private static boolean weekend(LocalDate d) {
        return d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}
