package cn.onepoint.directory.dto;

import cn.onepoint.directory.BusinessType;
import cn.onepoint.directory.Circuit;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

@Schema(name = "Circuit")
public record CircuitView(String id, String href, String code, String customerId, BusinessType businessType,
                          CircuitEndBody aEnd, CircuitEndBody zEnd, String backboneUnitId,
                          @Schema(description = "Derived: ends in two provinces (C2)") boolean crossProvince,
                          Instant createdAt) {
    public static CircuitView of(Circuit c) {
        return new CircuitView(c.id.toString(), "/api/v1/circuits/" + c.id, c.code, c.customerId.toString(),
                c.businessType, CircuitEndBody.of(c.aEnd), CircuitEndBody.of(c.zEnd),
                c.backboneUnitId == null ? null : c.backboneUnitId.toString(), c.crossProvince(), c.createdAt);
    }
}
