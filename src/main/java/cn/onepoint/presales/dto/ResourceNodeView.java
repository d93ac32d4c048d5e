package cn.onepoint.presales.dto;

import cn.onepoint.presales.ResourceNode;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

@Schema(name = "ResourceNode", description = "A node's resource reserve and its threshold 资源预警门限")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ResourceNodeView(
        String id, String href, String code, String name, String unitId, String station, String resourceType,
        int threshold, int free, @Schema(description = "free < threshold") boolean belowThreshold,
        String cceId, String chiefCmId, Instant createdAt, Instant updatedAt, long version) {

    public static ResourceNodeView of(ResourceNode n) {
        return new ResourceNodeView(n.id.toString(), "/api/v1/resource-nodes/" + n.id, n.code, n.name,
                Views.s(n.unitId), n.station, n.resourceType, n.threshold, n.free, n.belowThreshold(),
                Views.s(n.cceId), Views.s(n.chiefCmId), n.createdAt, n.updatedAt, n.version);
    }
}
