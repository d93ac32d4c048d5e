package cn.onepoint.calendar;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;

/** A listed day of a loaded year (table calendar_day). */
@Entity
@Table(name = "calendar_day")
public class CalendarDayRow extends PanacheEntityBase {
    @Id
    public LocalDate day;
    public int year;
    public String name;
    @Column(name = "off_day")
    public boolean offDay;

    static CalendarDayRow of(int year, YearArrangement.Entry e) {
        CalendarDayRow r = new CalendarDayRow();
        r.day = e.date();
        r.year = year;
        r.name = e.name();
        r.offDay = e.offDay();
        return r;
    }
}
