package cn.onepoint.ticket.dto;

import cn.onepoint.ticket.Feedback;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

@Schema(name = "Feedback")
public record FeedbackView(String id, String unitId, String personId, Instant postedAt, String message,
                           Instant answeredAt, String answeredByUnitId, String answeredBy, String answer) {
    public static FeedbackView of(Feedback f) {
        return new FeedbackView(f.id.toString(), f.unitId.toString(), f.personId == null ? null : f.personId.toString(),
                f.postedAt, f.message, f.answeredAt,
                f.answeredByUnitId == null ? null : f.answeredByUnitId.toString(),
                f.answeredBy == null ? null : f.answeredBy.toString(), f.answer);
    }
}
