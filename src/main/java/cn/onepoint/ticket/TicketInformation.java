package cn.onepoint.ticket;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** New information about a fault at the control desk, and when it was passed on to every handling unit. */
@Entity
@Table(name = "ticket_information")
public class TicketInformation extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "ticket_id")
    public UUID ticketId;
    @Enumerated(EnumType.STRING)
    public InformationSource source;
    /** Who outside the directory brought it (the customer's contact, …), when it was not the person below. */
    @Column(name = "source_name")
    public String sourceName;
    @Column(columnDefinition = "text")
    public String message;
    /** Who brought it in (or recorded it), and their unit. */
    @Column(name = "person_id")
    public UUID personId;
    @Column(name = "unit_id")
    public UUID unitId;
    @Column(name = "received_at")
    public Instant receivedAt;
    @Column(name = "relayed_at")
    public Instant relayedAt;
    @Column(name = "relayed_by")
    public UUID relayedBy;
    @Column(name = "relayed_by_unit_id")
    public UUID relayedByUnitId;
    @Column(name = "relay_note", columnDefinition = "text")
    public String relayNote;
}
