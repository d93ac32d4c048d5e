package cn.onepoint.calendar;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.time.LocalTime;

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
}
