package cn.onepoint.presales.dto;

import cn.onepoint.presales.BuildRequest;
import cn.onepoint.presales.BuildRequestStatus;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

@Schema(name = "BuildRequest", description = "A build request 建设需求 to the network-development department 网发部门")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BuildRequestView(
        String id, String href, @Schema(examples = "BR202612020001") String number, String nodeId,
        @Schema(description = "The unit whose network-development department it goes to") String unitId,
        BuildRequestStatus status,
        @Schema(description = "The node's free quantity when raised") int free,
        @Schema(description = "The node's threshold when raised") int threshold,
        @Schema(description = "The (chief) customer engineer who raised it") String raisedBy, Instant raisedAt,
        String closedBy, Instant closedAt, String outcome, long version, List<String> allowedActions) {

    public static BuildRequestView of(BuildRequest r) {
        return new BuildRequestView(r.id.toString(), "/api/v1/build-requests/" + r.id, r.number, r.nodeId.toString(),
                r.unitId.toString(), r.status, r.free, r.threshold, Views.s(r.raisedBy), r.raisedAt,
                Views.s(r.closedBy), r.closedAt, r.outcome, r.version, r.status.allowedActions());
    }
}
