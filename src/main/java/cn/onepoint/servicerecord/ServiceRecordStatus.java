package cn.onepoint.servicerecord;

import cn.onepoint.common.WireEnum;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A3: a record is open until completed with its outcome, or cancelled. */
public enum ServiceRecordStatus implements WireEnum {
    OPEN("open"), COMPLETED("completed"), CANCELLED("cancelled");

    private final String wire;

    ServiceRecordStatus(String wire) {
        this.wire = wire;
    }

    @JsonValue
    @Override
    public String wire() {
        return wire;
    }

    @JsonCreator
    public static ServiceRecordStatus fromString(String s) {
        return WireEnum.parse(ServiceRecordStatus.class, s);
    }
}
