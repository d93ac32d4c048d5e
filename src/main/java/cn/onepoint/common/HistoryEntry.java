package cn.onepoint.common;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

import java.time.Instant;
import java.util.UUID;

/**
 * The columns every history table shares (closed-loop management 闭环管理): what was done, when, by whom, from
 * which unit, and a detail. Each feature's entity adds the record it belongs to and its states.
 */
@MappedSuperclass
public abstract class HistoryEntry extends SubjectRecorded {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public Instant at;
    public String action;
    @Column(name = "actor_id")
    public UUID actorId;
    @Column(name = "unit_id")
    public UUID unitId;
    @Column(columnDefinition = "text")
    public String detail;
}
