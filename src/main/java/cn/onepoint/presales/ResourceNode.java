package cn.onepoint.presales;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/** A node's resource reserve (a station's ports, fibres, …) and the threshold 资源预警门限 it must not fall below. */
@Entity
@Table(name = "resource_node")
public class ResourceNode extends PanacheEntityBase {
    @Id
    public UUID id;
    public String code;
    public String name;
    /** The unit whose network the node is in; its network-development department 网发部门 gets the build requests. */
    @Column(name = "unit_id")
    public UUID unitId;
    public String station;
    @Column(name = "resource_type")
    public String resourceType;
    public int threshold;
    /** The current free quantity. */
    public int free;
    /** The (chief) customer engineer who warns. */
    @Column(name = "cce_id")
    public UUID cceId;
    /** The (chief) customer manager warned. */
    @Column(name = "chief_cm_id")
    public UUID chiefCmId;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public long version;

    /** The reserve is below the threshold. */
    public boolean belowThreshold() {
        return free < threshold;
    }
}
