package cn.onepoint.ticket;

import cn.onepoint.workorder.Segment;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** T7: a test of one segment; a fault-free verdict must carry its test report. */
@Entity
@Table(name = "segment_test")
public class SegmentTest extends PanacheEntityBase {

    public enum Result { FAULT_FREE, FAULT_FOUND }

    @Id
    public UUID id;
    @Column(name = "ticket_id")
    public UUID ticketId;
    @Column(name = "unit_id")
    public UUID unitId;
    @Column(name = "person_id")
    public UUID personId;
    @Enumerated(EnumType.STRING)
    public Segment segment;
    @Enumerated(EnumType.STRING)
    public Result result;
    @Column(name = "report_ref")
    public String reportRef;
    @Column(name = "report_text", columnDefinition = "text")
    public String reportText;
    @Column(name = "tested_at")
    public Instant testedAt;
}
