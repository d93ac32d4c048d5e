package cn.onepoint.directory;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** C2: a circuit / service instance (电路) with its A and Z ends and optional backbone segment. */
@Entity
@Table(name = "circuit")
public class Circuit extends PanacheEntityBase {
    @Id
    public UUID id;
    /** 电路代号, unique. */
    public String code;
    @Column(name = "customer_id")
    public UUID customerId;
    @Enumerated(EnumType.STRING)
    @Column(name = "business_type")
    public BusinessType businessType;
    @Embedded
    @AttributeOverrides({
            @AttributeOverride(name = "station", column = @Column(name = "a_station")),
            @AttributeOverride(name = "city", column = @Column(name = "a_city")),
            @AttributeOverride(name = "province", column = @Column(name = "a_province")),
            @AttributeOverride(name = "capital", column = @Column(name = "a_capital")),
            @AttributeOverride(name = "overseas", column = @Column(name = "a_overseas")),
            @AttributeOverride(name = "unitId", column = @Column(name = "a_unit_id"))})
    public CircuitEnd aEnd;
    @Embedded
    @AttributeOverrides({
            @AttributeOverride(name = "station", column = @Column(name = "z_station")),
            @AttributeOverride(name = "city", column = @Column(name = "z_city")),
            @AttributeOverride(name = "province", column = @Column(name = "z_province")),
            @AttributeOverride(name = "capital", column = @Column(name = "z_capital")),
            @AttributeOverride(name = "overseas", column = @Column(name = "z_overseas")),
            @AttributeOverride(name = "unitId", column = @Column(name = "z_unit_id"))})
    public CircuitEnd zEnd;
    @Column(name = "backbone_unit_id")
    public UUID backboneUnitId;
    @Column(name = "created_at")
    public Instant createdAt;

    /** C2: ends in two provinces make a cross-province (跨省) circuit. */
    public boolean crossProvince() {
        return !aEnd.province.equals(zEnd.province);
    }
}
