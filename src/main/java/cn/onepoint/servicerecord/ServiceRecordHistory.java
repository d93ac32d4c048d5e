package cn.onepoint.servicerecord;

import cn.onepoint.common.SubjectRecorded;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** Every change of a service record, with actor and time. */
@Entity
@Table(name = "service_record_history")
public class ServiceRecordHistory extends SubjectRecorded {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "service_record_id")
    public UUID serviceRecordId;
    public Instant at;
    public String action;
    @Column(name = "actor_id")
    public UUID actorId;
    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    public ServiceRecordStatus fromStatus;
    @Enumerated(EnumType.STRING)
    @Column(name = "to_status")
    public ServiceRecordStatus toStatus;
    @Column(columnDefinition = "text")
    public String detail;
}
