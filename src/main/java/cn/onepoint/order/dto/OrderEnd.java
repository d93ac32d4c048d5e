package cn.onepoint.order.dto;

import cn.onepoint.directory.CircuitEnd;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "OrderEnd", description = "One end of the order's circuit, as the circuit had it when the order was taken")
public record OrderEnd(String station, String city, String province, boolean capital, boolean overseas,
                       @Schema(description = "P9(4): an international gateway bureau") boolean gateway,
                       String unitId) {

    public static OrderEnd of(CircuitEnd e, boolean gateway) {
        return new OrderEnd(e.station, e.city, e.province, e.capital, e.overseas, gateway, e.unitId.toString());
    }
}
