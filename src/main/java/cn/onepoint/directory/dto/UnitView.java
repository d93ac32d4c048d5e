package cn.onepoint.directory.dto;

import cn.onepoint.directory.Tier;
import cn.onepoint.directory.Unit;
import cn.onepoint.directory.UnitKind;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

@Schema(name = "Unit")
public record UnitView(String id, String href, String code, String name, Tier tier, UnitKind kind,
                       String province, String city, String parentId, boolean backbone, Instant createdAt) {
    public static UnitView of(Unit u) {
        return new UnitView(u.id.toString(), "/api/v1/units/" + u.id, u.code, u.name, u.tier, u.kind,
                u.province, u.city, u.parentId == null ? null : u.parentId.toString(), u.backbone, u.createdAt);
    }
}
