package cn.onepoint.ticket;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** The customer-facing wording 口径 of a fault; a later one supersedes the earlier, all are kept. */
@Entity
@Table(name = "ticket_wording")
public class Wording extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "ticket_id")
    public UUID ticketId;
    /** The chief customer engineer who set it. */
    @Column(name = "person_id")
    public UUID personId;
    @Column(columnDefinition = "text")
    public String text;
    @Column(name = "set_at")
    public Instant setAt;
    @Column(name = "superseded_at")
    public Instant supersededAt;
    @Column(name = "superseded_by")
    public UUID supersededBy;

    /** The wording in force for a ticket, or null. */
    static Uni<Wording> current(UUID ticketId) {
        return find("ticketId = ?1 and supersededAt is null", ticketId).firstResult();
    }
}
