package cn.onepoint.order;

import cn.onepoint.common.WireEnum;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * P1: the seven steps 七步法 in order; the warning step 预警 runs alongside (P6) and is not a step of its own.
 * Inside {@code inProgress} the step says where the order is.
 */
public enum OrderStep implements WireEnum {
    /** 定单审核 (P2). */
    REVIEW("review"),
    /** 详细资源勘查 (P3): a project manager is named, the survey done within 2 working days. */
    SURVEY("survey"),
    /** 制定实施方案 (P4): within 12 working days, the deadline split per segment. */
    PLAN("plan"),
    /** 项目施工,进度反馈 (P5). */
    CONSTRUCTION("construction"),
    /** 业务调试 (P7): every segment reported complete; the lead bureau tests end to end. */
    TESTING("testing"),
    /** 竣工交付 (P8). */
    COMPLETION("completion");

    private final String wire;

    OrderStep(String wire) {
        this.wire = wire;
    }

    @JsonValue
    @Override
    public String wire() {
        return wire;
    }

    @JsonCreator
    public static OrderStep fromString(String s) {
        return WireEnum.parse(OrderStep.class, s);
    }
}
