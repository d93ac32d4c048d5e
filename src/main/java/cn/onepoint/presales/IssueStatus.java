package cn.onepoint.presales;

import cn.onepoint.common.DomainException;
import cn.onepoint.common.WireEnum;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** S3: the current status 当前状态 of an issue item, as data: each status lists the ones it may move to. */
public enum IssueStatus implements WireEnum {
    OPEN("open"), IN_PROGRESS("inProgress"),
    /** Solved: the item's timer stops (in time: met; late: it stays breached). */
    RESOLVED("resolved"),
    /** Dropped: the item's timer is cancelled. */
    CANCELLED("cancelled");

    private final String wire;

    IssueStatus(String wire) {
        this.wire = wire;
    }

    @JsonValue
    @Override
    public String wire() {
        return wire;
    }

    @JsonCreator
    public static IssueStatus fromString(String s) {
        return WireEnum.parse(IssueStatus.class, s);
    }

    public Set<IssueStatus> next() {
        return switch (this) {
            case OPEN -> EnumSet.of(IN_PROGRESS, RESOLVED, CANCELLED);
            case IN_PROGRESS -> EnumSet.of(RESOLVED, CANCELLED);
            case RESOLVED, CANCELLED -> EnumSet.noneOf(IssueStatus.class);
        };
    }

    /** Still being worked on: its due time is watched. */
    public boolean open() {
        return this == OPEN || this == IN_PROGRESS;
    }

    /** What may be done now: an update while open, and the statuses it may move to. */
    public List<String> allowedActions() {
        if (!open()) {
            return List.of();
        }
        return Stream.concat(Stream.of("update"),
                next().stream().map(IssueStatus::wire)).toList();
    }

    /** Decides an update: a closed item takes none (409), and a status may only move to one of {@link #next()}. */
    public IssueStatus check(IssueStatus target) {
        if (!open()) {
            throw DomainException.stateConflict(wire, allowedActions(), "update");
        }
        if (target == null || target == this) {
            return this;
        }
        if (!next().contains(target)) {
            throw DomainException.stateConflict(wire, allowedActions(), target.wire);
        }
        return target;
    }
}
