package cn.onepoint.calendar;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A loaded year (table calendar_year). */
@Entity
@Table(name = "calendar_year")
public class CalendarYearRow extends PanacheEntityBase {
    @Id
    public Integer year;
    public String source;
    @Enumerated(EnumType.STRING)
    public YearArrangement.Origin origin;
    /** Loaded before the official notice; to be replaced when it is published. */
    public boolean provisional;
    /** Of the bundled content; null once an operator loaded the year. */
    public String checksum;
    /** Incremented by hand on every change, under a row lock; replicas reload when it moves. */
    public long version;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
