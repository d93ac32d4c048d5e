package cn.onepoint.assurance;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** A2: a time window, optionally for a set of customers, during which every fault escalates (T13). */
@Entity
@Table(name = "assurance_period")
public class AssurancePeriod extends PanacheEntityBase {
    @Id
    public UUID id;
    public String name;
    @Column(name = "starts_at")
    public Instant startsAt;
    @Column(name = "ends_at")
    public Instant endsAt;
    /** Empty: every customer. */
    @Convert(converter = UuidSetConverter.class)
    @Column(name = "customer_ids", columnDefinition = "text")
    public Set<UUID> customerIds;
    @Column(columnDefinition = "text")
    public String reason;
    @Column(name = "cancelled_at")
    public Instant cancelledAt;
    @Column(name = "created_at")
    public Instant createdAt;

    public boolean covers(UUID customerId, Instant at) {
        return cancelledAt == null && !at.isBefore(startsAt) && at.isBefore(endsAt)
                && (customerIds.isEmpty() || customerIds.contains(customerId));
    }
}
