package cn.onepoint.presales;

import cn.onepoint.common.DomainException;
import cn.onepoint.common.WireEnum;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.List;

/**
 * S1: where a requirement order's resource check stands, as data: each status lists the actions allowed in it.
 * Whether an answered result has expired is the validity timer's to say (the requirement's {@code expired}).
 */
public enum RequirementStatus implements WireEnum {
    /** Round 1: every segment's unit has its check to answer. */
    CHECKING("checking", List.of("answer", "cancel")),
    /** Round 2: the second check 二次核查 of the segments answered negatively. */
    SECOND_CHECK("secondCheck", List.of("answer", "cancel")),
    /** Every segment has its final answer; the result is valid until {@code validUntil}. */
    ANSWERED("answered", List.of("cancel")),
    CANCELLED("cancelled", List.of());

    private final String wire;
    private final List<String> actions;

    RequirementStatus(String wire, List<String> actions) {
        this.wire = wire;
        this.actions = actions;
    }

    @JsonValue
    @Override
    public String wire() {
        return wire;
    }

    @JsonCreator
    public static RequirementStatus fromString(String s) {
        return WireEnum.parse(RequirementStatus.class, s);
    }

    public List<String> allowedActions() {
        return actions;
    }

    /** A 409 naming this status and the actions allowed in it, unless {@code action} is one of them. */
    public void check(String action) {
        if (!actions.contains(action)) {
            throw DomainException.stateConflict(wire, actions, action);
        }
    }
}
