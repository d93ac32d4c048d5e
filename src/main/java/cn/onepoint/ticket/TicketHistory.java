package cn.onepoint.ticket;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** Every change of a ticket, with actor and time (closed-loop management 闭环管理). */
@Entity
@Table(name = "ticket_history")
public class TicketHistory extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "ticket_id")
    public UUID ticketId;
    public Instant at;
    public String action;
    @Column(name = "actor_id")
    public UUID actorId;
    @Column(name = "unit_id")
    public UUID unitId;
    @Convert(converter = Converters.Status.class)
    @Column(name = "from_status")
    public TicketStatus fromStatus;
    @Convert(converter = Converters.Status.class)
    @Column(name = "to_status")
    public TicketStatus toStatus;
    @Convert(converter = Converters.PhaseConverter.class)
    public Phase phase;
    @Column(columnDefinition = "text")
    public String detail;
}
