package cn.onepoint.ticket;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** T11: a handling unit's feedback and the control desk's answer. */
@Entity
@Table(name = "feedback")
public class Feedback extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "ticket_id")
    public UUID ticketId;
    @Column(name = "unit_id")
    public UUID unitId;
    @Column(name = "person_id")
    public UUID personId;
    @Column(name = "posted_at")
    public Instant postedAt;
    @Column(columnDefinition = "text")
    public String message;
    @Column(name = "answered_at")
    public Instant answeredAt;
    @Column(name = "answered_by_unit_id")
    public UUID answeredByUnitId;
    @Column(name = "answered_by")
    public UUID answeredBy;
    @Column(columnDefinition = "text")
    public String answer;
}
