package cn.onepoint.presales;

import cn.onepoint.common.SubjectRecorded;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** Every change of a project, requirement, resource node or issue item, with actor and time (闭环管理). */
@Entity
@Table(name = "presales_history")
public class PresalesHistory extends SubjectRecorded {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "subject_type")
    public String subjectType;
    @Column(name = "subject_id")
    public UUID subjectId;
    public Instant at;
    public String action;
    @Column(name = "actor_id")
    public UUID actorId;
    @Column(name = "from_state")
    public String fromState;
    @Column(name = "to_state")
    public String toState;
    @Column(columnDefinition = "text")
    public String detail;
}
