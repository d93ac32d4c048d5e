package cn.onepoint.ticket;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** Who joined the joint handling of a difficult fault, and when (a unit, or a person of it). */
@Entity
@Table(name = "difficult_fault_participant")
public class JointParticipant extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "ticket_id")
    public UUID ticketId;
    @Column(name = "unit_id")
    public UUID unitId;
    @Column(name = "person_id")
    public UUID personId;
    @Column(name = "joined_at")
    public Instant joinedAt;
    @Column(columnDefinition = "text")
    public String note;
}
