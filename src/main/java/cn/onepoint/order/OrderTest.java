package cn.onepoint.order;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/** P7: a full test of the circuit, organised by the lead bureau. */
@Entity
@Table(name = "service_order_test")
public class OrderTest extends PanacheEntityBase {

    @Schema(name = "OrderTestKind")
    public enum Kind {
        /** 端到端测试. */
        END_TO_END,
        /** 无缝隙测试: not only the local segment, up to the far-end exit 对端出口. */
        SEAMLESS
    }

    @Schema(name = "OrderTestResult")
    public enum Result { PASSED, FAILED }

    @Id
    public UUID id;
    @Column(name = "order_id")
    public UUID orderId;
    @Enumerated(EnumType.STRING)
    public Kind kind;
    @Enumerated(EnumType.STRING)
    public Result result;
    @Column(name = "unit_id")
    public UUID unitId;
    @Column(name = "person_id")
    public UUID personId;
    @Column(name = "report_ref")
    public String reportRef;
    @Column(name = "report_text", columnDefinition = "text")
    public String reportText;
    @Column(name = "tested_at")
    public Instant testedAt;

    /** P7, P8: a passed test with its report. */
    public boolean passedWithReport() {
        return result == Result.PASSED && reportRef != null && !reportRef.isBlank();
    }
}
