package cn.onepoint.ticket;

import cn.onepoint.common.WireEnum;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** TMF621 trouble-ticket status names (API.md). */
public enum TicketStatus implements WireEnum {
    ACKNOWLEDGED("acknowledged"), IN_PROGRESS("inProgress"), HELD("held"), PENDING("pending"),
    RESOLVED("resolved"), CLOSED("closed"), CANCELLED("cancelled"), REJECTED("rejected");

    private final String wire;

    TicketStatus(String wire) {
        this.wire = wire;
    }

    @JsonValue
    @Override
    public String wire() {
        return wire;
    }

    @JsonCreator
    public static TicketStatus fromString(String s) {
        return WireEnum.parse(TicketStatus.class, s);
    }
}
