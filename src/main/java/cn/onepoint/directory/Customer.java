package cn.onepoint.directory;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** C1: an enterprise customer (政企客户). */
@Entity
@Table(name = "customer")
public class Customer extends PanacheEntityBase {
    @Id
    public UUID id;
    /** 客户标识码, unique. */
    public String code;
    public String name;
    @Enumerated(EnumType.STRING)
    public CustomerLevel level;
    @Column(name = "hq_province")
    public String hqProvince;
    @Column(name = "hq_city")
    public String hqCity;
    @Column(name = "cce_id")
    public UUID cceId;
    @Column(name = "cm_id")
    public UUID cmId;
    /** 升级列表 handed to the customer for external escalation. */
    @Convert(converter = EscalationListConverter.class)
    @Column(name = "escalation_list", columnDefinition = "text")
    public List<EscalationContact> escalationList;
    @Column(name = "created_at")
    public Instant createdAt;

    public record EscalationContact(String name, String title, String phone) {
    }
}
