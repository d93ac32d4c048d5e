package cn.onepoint.workorder;

import cn.onepoint.common.WireEnum;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** TMF697 work order states. */
public enum WorkOrderStatus implements WireEnum {
    ACKNOWLEDGED("acknowledged"), IN_PROGRESS("inProgress"), HELD("held"), COMPLETED("completed"),
    CANCELLED("cancelled"), REJECTED("rejected");

    private final String wire;

    WorkOrderStatus(String wire) {
        this.wire = wire;
    }

    @JsonValue
    @Override
    public String wire() {
        return wire;
    }

    @JsonCreator
    public static WorkOrderStatus fromString(String s) {
        return WireEnum.parse(WorkOrderStatus.class, s);
    }

    public boolean open() {
        return this == ACKNOWLEDGED || this == IN_PROGRESS || this == HELD;
    }
}
