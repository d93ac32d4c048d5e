package cn.onepoint.ticket;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A fault the loop tests could not find: handled by the joint process of the difficult-fault flow 疑难故障. */
@Entity
@Table(name = "difficult_fault")
public class DifficultFault extends PanacheEntityBase {
    @Id
    @Column(name = "ticket_id")
    public UUID ticketId;
    @Column(name = "loop_test_id")
    public UUID loopTestId;
    @Column(name = "started_at")
    public Instant startedAt;
}
