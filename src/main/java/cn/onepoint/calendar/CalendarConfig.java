package cn.onepoint.calendar;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;
import org.eclipse.microprofile.config.spi.Converter;

import java.time.Duration;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Settings of the working calendar ({@code onepoint.calendar.*}; env vars {@code ONEPOINT_CALENDAR_*}). */
@ConfigMapping(prefix = "onepoint.calendar")
public interface CalendarConfig {

    /**
     * Local time (zone {@code onepoint.zone}) at which a working day ends: a step due "within n working days"
     * is due at this time of the n-th working day. 18:00 is the end of the usual 9:00–18:00 office day.
     */
    @WithDefault("18:00")
    LocalTime endOfDay();

    /**
     * How often each replica re-reads the calendar tables, to pick up a year another replica loaded with
     * PUT. The replica that served the PUT applies it at once.
     */
    @WithDefault("60s")
    Duration reloadInterval();

    /**
     * From this day of each year on ({@code MM-dd}), health and the metric {@code onepoint_calendar_next_year_warning}
     * warn while next year's arrangement is missing or provisional: the State Council usually publishes it in
     * October or November, and from December on "n working days" computations reach into the next year.
     */
    @WithDefault("11-01")
    @WithConverter(MonthDayConverter.class)
    MonthDay nextYearWarningFrom();

    /** {@code 11-01} (or ISO {@code --11-01}) → 1 November. */
    class MonthDayConverter implements Converter<MonthDay> {
        private static final DateTimeFormatter MM_DD = DateTimeFormatter.ofPattern("MM-dd");

        @Override
        public MonthDay convert(String value) {
            String v = value.trim();
            try {
                return v.startsWith("--") ? MonthDay.parse(v) : MonthDay.parse(v, MM_DD);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("Not a month-day (MM-dd, e.g. 11-01): " + value, e);
            }
        }
    }
}
