package cn.onepoint.order.dto;

import cn.onepoint.order.OrderTest;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

@Schema(name = "OrderTest", description = "P7: a full test organised by the lead bureau")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TestView(String id, OrderTest.Kind kind, OrderTest.Result result, String unitId, String personId,
                       ReportBody report, Instant testedAt) {
    public static TestView of(OrderTest t) {
        return new TestView(t.id.toString(), t.kind, t.result, t.unitId.toString(), t.personId.toString(),
                t.reportRef == null ? null : new ReportBody(t.reportRef, t.reportText), t.testedAt);
    }
}
