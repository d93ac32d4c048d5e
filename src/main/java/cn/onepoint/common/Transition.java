package cn.onepoint.common;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * A state machine as data, for an enum of actions: each action names the states it is allowed in and the state it
 * leads to (null: the state stays). {@link #apply} is the one place that decides, and its 409 names the current
 * state and every action allowed in it.
 */
public interface Transition<S extends Enum<S> & WireEnum> {

    /** The action's name on the wire (the sub-resource). */
    String wire();

    Set<S> from();

    /** Null: the action does not change the state. */
    S to();

    /** Every action of the machine, to list the allowed ones in a 409. */
    Transition<S>[] all();

    default S apply(S current) {
        if (!from().contains(current)) {
            throw DomainException.stateConflict(current.wire(), allowedIn(current, all()), wire());
        }
        return to() == null ? current : to();
    }

    static <S extends Enum<S> & WireEnum> List<String> allowedIn(S state, Transition<S>[] actions) {
        return Arrays.stream(actions).filter(a -> a.from().contains(state)).map(Transition::wire).distinct().toList();
    }
}
