package cn.onepoint.ticket;

import cn.onepoint.common.WireEnum;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Where inside its status a ticket is: the finer steps of T4, T16 and T17. */
public enum Phase implements WireEnum {
    INTAKE("intake"),
    /** T4: the local unit that took the call checks its own local segment first. */
    LOCAL_PRE_CHECK("localPreCheck"),
    /** T4: the province confirms no fault inside the province. */
    PROVINCE_REVIEW("provinceReview"),
    /** Ready to dispatch to handling units. */
    DISPATCH("dispatch"),
    DISPATCHED("dispatched"),
    /** Loop-back tests 打环测试 with the customer's consent, narrowing the fault to a segment. */
    LOOP_TEST("loopTest"),
    /** The loop tests could not find it: a difficult fault 疑难故障 handled jointly. */
    DIFFICULT_FAULT("difficultFault"),
    SUSPENDED("suspended"),
    AWAITING_CUSTOMER("awaitingCustomer"),
    RESTORED("restored"),
    CLOSED("closed"),
    CANCELLED("cancelled"),
    REJECTED("rejected");

    private final String wire;

    Phase(String wire) {
        this.wire = wire;
    }

    @JsonValue
    @Override
    public String wire() {
        return wire;
    }

    @JsonCreator
    public static Phase fromString(String s) {
        return WireEnum.parse(Phase.class, s);
    }
}
