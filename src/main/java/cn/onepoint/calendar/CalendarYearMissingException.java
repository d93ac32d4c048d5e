package cn.onepoint.calendar;

import cn.onepoint.common.DomainException;

/**
 * A computation touched a year whose holiday arrangement is not loaded. Such a year is never guessed as
 * "Monday to Friday": the answer could be off by a whole holiday block. Reported as 422
 * {@code CALENDAR_YEAR_MISSING}; callers that can wait (e.g. a timer sweep) may catch it and retry later.
 */
public class CalendarYearMissingException extends DomainException {

    public static final String CODE = "CALENDAR_YEAR_MISSING";

    private final int year;

    public CalendarYearMissingException(int year) {
        // The year goes in as text: MessageFormat would print 2027 as "2,027".
        super(422, CODE, "calendarYearMissing", null, null, Integer.toString(year));
        this.year = year;
    }

    public int year() {
        return year;
    }
}
