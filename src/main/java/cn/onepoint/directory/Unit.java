package cn.onepoint.directory;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** O1: an organisational unit (集团 / 省公司 / 本地网) with its kind. */
@Entity
@Table(name = "unit")
public class Unit extends PanacheEntityBase {
    @Id
    public UUID id;
    public String code;
    public String name;
    @Enumerated(EnumType.STRING)
    public Tier tier;
    @Enumerated(EnumType.STRING)
    public UnitKind kind;
    public String province;
    public String city;
    @Column(name = "parent_id")
    public UUID parentId;
    public boolean backbone;
    @Column(name = "created_at")
    public Instant createdAt;

    /**
     * Whether a circuit end owned by {@code endUnit} lies within this unit's jurisdiction: GROUP covers
     * everything, PROVINCE its province, LOCAL its own local network (its city).
     */
    public boolean covers(Unit endUnit) {
        return switch (tier) {
            case GROUP -> true;
            case PROVINCE -> province != null && province.equals(endUnit.province);
            case LOCAL -> id.equals(endUnit.id) || (city != null && city.equals(endUnit.city)
                    && endUnit.tier == Tier.LOCAL);
        };
    }
}
