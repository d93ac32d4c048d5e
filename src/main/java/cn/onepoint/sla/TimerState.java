package cn.onepoint.sla;

import cn.onepoint.common.DomainException;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Timer states as data (wire names as API.md spells them). A breach happens at most once and is final;
 * a breached timer may still be stopped late, which records {@code stoppedAt} and ends escalation.
 */
public enum TimerState {
    running, paused, met, breached, cancelled;

    /** The states each state may move to. */
    public Set<TimerState> next() {
        return switch (this) {
            case running -> EnumSet.of(paused, met, breached, cancelled);
            case paused -> EnumSet.of(running, met, cancelled);
            case met, breached, cancelled -> EnumSet.noneOf(TimerState.class);
        };
    }

    /** The service actions allowed in this state, named in a 409. */
    public List<String> allowedActions() {
        return switch (this) {
            case running -> List.of("pause", "stop", "cancel");
            case paused -> List.of("resume", "stop", "cancel");
            case breached -> List.of("stop");
            case met, cancelled -> List.of();
        };
    }

    /** Counting time (running) or holding it (paused). */
    public boolean isOpen() {
        return this == running || this == paused;
    }

    /** Decides a transition: returns the target or throws a 409 naming this state and the allowed actions. */
    public TimerState moveTo(TimerState target, String action) {
        if (!next().contains(target)) {
            throw DomainException.stateConflict(name(), allowedActions(), action);
        }
        return target;
    }
}
