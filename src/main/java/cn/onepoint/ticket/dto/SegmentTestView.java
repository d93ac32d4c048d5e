package cn.onepoint.ticket.dto;

import cn.onepoint.ticket.SegmentTest;
import cn.onepoint.workorder.Segment;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

@Schema(name = "SegmentTest")
public record SegmentTestView(String id, String unitId, String personId, Segment segment, SegmentTest.Result result,
                              SegmentTestRequest.TestReport report, Instant testedAt) {
    public static SegmentTestView of(SegmentTest t) {
        return new SegmentTestView(t.id.toString(), t.unitId.toString(),
                t.personId == null ? null : t.personId.toString(), t.segment, t.result,
                t.reportRef == null ? null : new SegmentTestRequest.TestReport(t.reportRef, t.reportText), t.testedAt);
    }
}
