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

/** T10: what the acceptor told the customer, and when (unified reply 统一回复). */
@Entity
@Table(name = "customer_update")
public class CustomerUpdate extends PanacheEntityBase {

    public enum Via { PHONE, SMS, EMAIL, PORTAL, VISIT }

    @Id
    public UUID id;
    @Column(name = "ticket_id")
    public UUID ticketId;
    @Column(name = "person_id")
    public UUID personId;
    public Instant at;
    @Enumerated(EnumType.STRING)
    public Via channel;
    @Column(columnDefinition = "text")
    public String message;
}
