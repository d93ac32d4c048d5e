package cn.onepoint.presales.dto;

import cn.onepoint.presales.CheckAnswer;
import cn.onepoint.presales.CheckSegment;
import cn.onepoint.presales.ResourceCheck;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;

@Schema(name = "ResourceCheck", description = "The resource check 资源核查 of one segment in one round")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ResourceCheckView(
        String id, String href, String requirementId,
        @Schema(description = "1; 2 for the second check 二次核查") int round,
        boolean secondCheck, CheckSegment segment,
        @Schema(description = "The unit that answers round 1") String unitId,
        CheckAnswer answer, String answeredBy, Instant answeredAt, LocalDate earliestDate, String note,
        Instant createdAt) {

    public static ResourceCheckView of(ResourceCheck c) {
        return new ResourceCheckView(c.id.toString(),
                "/api/v1/requirements/" + c.requirementId + "/resource-checks/" + c.id, c.requirementId.toString(),
                c.round, c.round > 1, c.segment, Views.s(c.unitId), c.answer, Views.s(c.answeredBy), c.answeredAt,
                c.earliestDate, c.note, c.createdAt);
    }
}
