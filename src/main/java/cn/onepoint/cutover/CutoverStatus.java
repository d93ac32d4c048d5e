package cn.onepoint.cutover;

import cn.onepoint.common.WireEnum;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A1: where a cutover 割接 stands. Which action leads where is {@link CutoverAction}. */
public enum CutoverStatus implements WireEnum {
    /** Recorded, affected customers found, nobody told yet. */
    PLANNED("planned"),
    /** Every affected customer notified; acknowledgements being collected. */
    ANNOUNCED("announced"),
    IN_PROGRESS("inProgress"),
    COMPLETED("completed"),
    CANCELLED("cancelled");

    private final String wire;

    CutoverStatus(String wire) {
        this.wire = wire;
    }

    @JsonValue
    @Override
    public String wire() {
        return wire;
    }

    @JsonCreator
    public static CutoverStatus fromString(String s) {
        return WireEnum.parse(CutoverStatus.class, s);
    }
}
