package cn.onepoint.order;

import cn.onepoint.common.WireEnum;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.EnumSet;
import java.util.Set;

/**
 * TMF641 service-order states (API.md). {@code held} and {@code failed} belong to the wire vocabulary but no
 * action leads there: the manual describes neither a suspension of an order nor a failed one (an order that
 * cannot finish is warned and extended, P6). {@code rejected} is likewise unused: a faulty order is returned
 * to the business manager ({@code pending}, P2) to be corrected or cancelled.
 */
public enum OrderStatus implements WireEnum {
    ACKNOWLEDGED("acknowledged"), IN_PROGRESS("inProgress"), HELD("held"), PENDING("pending"),
    COMPLETED("completed"), REJECTED("rejected"), CANCELLED("cancelled"), FAILED("failed");

    /** Not finished: counted for the warning pool and the overdue flag (P6). */
    public static final Set<OrderStatus> OPEN = EnumSet.of(ACKNOWLEDGED, IN_PROGRESS, HELD, PENDING);

    private final String wire;

    OrderStatus(String wire) {
        this.wire = wire;
    }

    @JsonValue
    @Override
    public String wire() {
        return wire;
    }

    @JsonCreator
    public static OrderStatus fromString(String s) {
        return WireEnum.parse(OrderStatus.class, s);
    }

    public boolean open() {
        return OPEN.contains(this);
    }
}
