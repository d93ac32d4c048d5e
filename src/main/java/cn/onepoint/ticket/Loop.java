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

/** One loop of a loop-back test: where, which way, whether it was received, and what that told. */
@Entity
@Table(name = "loop_test_loop")
public class Loop extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "loop_test_id")
    public UUID loopTestId;
    public int seq;
    @Enumerated(EnumType.STRING)
    @Column(name = "loop_end")
    public LoopEnd end;
    @Enumerated(EnumType.STRING)
    public LoopPoint point;
    @Enumerated(EnumType.STRING)
    public LoopDirection direction;
    public boolean received;
    @Enumerated(EnumType.STRING)
    public LoopProcedure.Finding finding;
    @Column(name = "unit_id")
    public UUID unitId;
    @Column(name = "person_id")
    public UUID personId;
    @Column(columnDefinition = "text")
    public String note;
    public Instant at;
}
