package cn.onepoint.presales;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/** A build request 建设需求 to the network-development department of a node's unit, raised below threshold. */
@Entity
@Table(name = "build_request")
public class BuildRequest extends PanacheEntityBase {
    @Id
    public UUID id;
    public String number;
    @Column(name = "node_id")
    public UUID nodeId;
    @Column(name = "unit_id")
    public UUID unitId;
    @Enumerated(EnumType.STRING)
    public BuildRequestStatus status;
    /** The node's free quantity and threshold when it was raised. */
    public int free;
    public int threshold;
    @Column(name = "raised_by")
    public UUID raisedBy;
    @Column(name = "raised_at")
    public Instant raisedAt;
    @Column(name = "closed_by")
    public UUID closedBy;
    @Column(name = "closed_at")
    public Instant closedAt;
    @Column(columnDefinition = "text")
    public String outcome;
    @Version
    public long version;
}
