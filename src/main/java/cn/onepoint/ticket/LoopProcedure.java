package cn.onepoint.ticket;

import cn.onepoint.workorder.Segment;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static cn.onepoint.ticket.LoopDirection.TOWARD_BACKBONE;
import static cn.onepoint.ticket.LoopDirection.TOWARD_CUSTOMER;
import static cn.onepoint.ticket.LoopPoint.BACKBONE_EXIT;
import static cn.onepoint.ticket.LoopPoint.CPE_CUSTOMER_PORT;
import static cn.onepoint.ticket.LoopPoint.NEAREST_OFFICE;
import static cn.onepoint.ticket.LoopProcedure.Finding.ACCESS_OK;
import static cn.onepoint.ticket.LoopProcedure.Finding.BACKBONE_OK;
import static cn.onepoint.ticket.LoopProcedure.Finding.CUSTOMER_LINE_FAULT;
import static cn.onepoint.ticket.LoopProcedure.Finding.CUSTOMER_LINE_OK;
import static cn.onepoint.ticket.LoopProcedure.Finding.FULL_LOOP_OK;

/**
 * T17: the manual's loop-back test procedure for BANDWIDTH circuits [2.3.1.5 三, the loop-test plans for
 * digital and data circuits], as data. Each {@link Step} is one kind of loop (point × direction) with the
 * conditions under which the procedure calls for it at an end and what its two answers mean: either a fact
 * learned about that end (or the backbone), or the segment the fault lies in. The three plans differ only in
 * which ends' customers cooperate: a customer who cannot cooperate is replaced by the staff sent there, who test
 * from the customer side only after the controllable part (nearest office to backbone exit) is known clean.
 * When every segment carries the loop, even the full loop on site, the loops cannot find the fault: a difficult
 * fault [2.3.1.5 一 4].
 *
 * <p>The manual's text of the NEITHER plan stops after its step (3); the procedure continues it as the ONE plan
 * does once staff are at the customer end.
 */
public final class LoopProcedure {

    private LoopProcedure() {
    }

    /** What a loop told: a fact about its end (or the backbone), or that the fault is located. */
    public enum Finding {
        /** The line from the nearest office to the customer's equipment carries the loop. */
        CUSTOMER_LINE_OK,
        /** It does not: the fault lies between the nearest office and the customer's equipment. */
        CUSTOMER_LINE_FAULT,
        /** This end's access, from the customer side to the backbone exit, carries the loop. */
        ACCESS_OK,
        /** The far end received a loop made across the backbone. */
        BACKBONE_OK,
        /** The full loop made on site at the customer end came back from the far end. */
        FULL_LOOP_OK,
        /** The fault is narrowed to a segment. */
        FAULT_LOCATED
    }

    /** Who receives (watches for) the loop. */
    public enum Receiver {
        /** The customer at this end, or the staff sent there. */
        CUSTOMER,
        /** A meter hung at this end's backbone exit 骨干出口挂表收环. */
        BACKBONE_EXIT_METER,
        /** The other end. */
        FAR_END
    }

    /** Whose end a step may be made at. */
    private enum Who {
        /** an end whose customer cooperates */ COOPERATING,
        /** an end whose customer cannot: only what the operator controls */ NOT_COOPERATING,
        /** a cooperating end, or the staff sent to the other once its controllable part is clean */ CUSTOMER_OR_STAFF,
        ANY
    }

    /** Where the fault lies when a step locates it. */
    private enum Located { NONE, THIS_ACCESS, BACKBONE, CUSTOMER_PREMISES }

    /** The steps of the procedure; the manual's numbering in each plan is in the comment. */
    enum Step {
        /** BOTH (1)(2); ONE (1)(2) at the cooperating end; ONE (5), NEITHER (3) by the staff sent. */
        OFFICE_TOWARD_CUSTOMER(NEAREST_OFFICE, TOWARD_CUSTOMER, Receiver.CUSTOMER, Who.CUSTOMER_OR_STAFF,
                Set.of(), Set.of(CUSTOMER_LINE_OK, CUSTOMER_LINE_FAULT), false, null,
                CUSTOMER_LINE_OK, Located.NONE, CUSTOMER_LINE_FAULT, Located.NONE),
        /** BOTH (2): between the loop point and the customer's equipment; the CPE's customer-side port decides. */
        CPE_TOWARD_CUSTOMER(CPE_CUSTOMER_PORT, TOWARD_CUSTOMER, Receiver.CUSTOMER, Who.ANY,
                Set.of(CUSTOMER_LINE_FAULT), Set.of(), false, null,
                Finding.FAULT_LOCATED, Located.THIS_ACCESS, Finding.FAULT_LOCATED, Located.CUSTOMER_PREMISES),
        /** BOTH (3)(4), ONE (3)(4): the loop moves to the backbone exit; not received: between it and the office. */
        EXIT_TOWARD_CUSTOMER(BACKBONE_EXIT, TOWARD_CUSTOMER, Receiver.CUSTOMER, Who.COOPERATING,
                Set.of(CUSTOMER_LINE_OK), Set.of(ACCESS_OK), false, null,
                ACCESS_OK, Located.NONE, Finding.FAULT_LOCATED, Located.THIS_ACCESS),
        /** ONE (1)(2) at the other end, NEITHER (1)(2): toward the backbone, a meter at the backbone exit receives. */
        OFFICE_TOWARD_BACKBONE(NEAREST_OFFICE, TOWARD_BACKBONE, Receiver.BACKBONE_EXIT_METER, Who.NOT_COOPERATING,
                Set.of(), Set.of(ACCESS_OK), false, null,
                ACCESS_OK, Located.NONE, Finding.FAULT_LOCATED, Located.THIS_ACCESS),
        /** BOTH (5)(6), ONE (5)(6): one end loops toward the other, which receives; not received: the backbone. */
        EXIT_TOWARD_FAR_END(BACKBONE_EXIT, TOWARD_BACKBONE, Receiver.FAR_END, Who.ANY,
                Set.of(ACCESS_OK), Set.of(), true, false,
                BACKBONE_OK, Located.NONE, Finding.FAULT_LOCATED, Located.BACKBONE),
        /** BOTH (6), ONE (6): staff at both ends loop the full path on site 上用户端全程环测. */
        FULL_LOOP_ON_SITE(CPE_CUSTOMER_PORT, TOWARD_BACKBONE, Receiver.FAR_END, Who.ANY,
                Set.of(CUSTOMER_LINE_OK, ACCESS_OK), Set.of(FULL_LOOP_OK), true, true,
                FULL_LOOP_OK, Located.NONE, Finding.FAULT_LOCATED, Located.THIS_ACCESS);

        final LoopPoint point;
        final LoopDirection direction;
        final Receiver receiver;
        private final Who who;
        private final Set<Finding> requires;
        private final Set<Finding> unless;
        /** The far end must be clean (customer line and access), as its side receives. */
        private final boolean farEndClean;
        /** Whether the backbone must be known to carry the loop (true), not yet (false), or either (null). */
        private final Boolean backboneOk;
        private final Finding ifReceived;
        private final Located locatedIfReceived;
        private final Finding ifNot;
        private final Located locatedIfNot;

        Step(LoopPoint point, LoopDirection direction, Receiver receiver, Who who, Set<Finding> requires,
             Set<Finding> unless, boolean farEndClean, Boolean backboneOk, Finding ifReceived,
             Located locatedIfReceived, Finding ifNot, Located locatedIfNot) {
            this.point = point;
            this.direction = direction;
            this.receiver = receiver;
            this.who = who;
            this.requires = requires;
            this.unless = unless;
            this.farEndClean = farEndClean;
            this.backboneOk = backboneOk;
            this.ifReceived = ifReceived;
            this.locatedIfReceived = locatedIfReceived;
            this.ifNot = ifNot;
            this.locatedIfNot = locatedIfNot;
        }

        boolean applies(LoopTest test, State s, LoopEnd end) {
            Set<Finding> here = s.known.get(end);
            boolean whoFits = switch (who) {
                case COOPERATING -> test.cooperates(end);
                case NOT_COOPERATING -> !test.cooperates(end);
                case CUSTOMER_OR_STAFF -> test.cooperates(end) || here.contains(ACCESS_OK);
                case ANY -> true;
            };
            return whoFits && here.containsAll(requires) && here.stream().noneMatch(unless::contains)
                    && (!farEndClean || s.clean(end.other()))
                    && (backboneOk == null || backboneOk == s.backboneOk);
        }

        /** Someone must be at the customer end although its customer cannot help (or for the full loop). */
        boolean needsStaff(LoopTest test, LoopEnd end) {
            return this == FULL_LOOP_ON_SITE
                    || (!test.cooperates(end) && (receiver == Receiver.CUSTOMER || point == CPE_CUSTOMER_PORT));
        }
    }

    /** What the loops so far have shown. */
    static final class State {
        final Map<LoopEnd, EnumSet<Finding>> known = new EnumMap<>(LoopEnd.class);
        boolean backboneOk;
        Segment located;

        State() {
            known.put(LoopEnd.A, EnumSet.noneOf(Finding.class));
            known.put(LoopEnd.Z, EnumSet.noneOf(Finding.class));
        }

        boolean clean(LoopEnd end) {
            return known.get(end).containsAll(Set.of(CUSTOMER_LINE_OK, ACCESS_OK));
        }
    }

    /** A loop the procedure calls for now. */
    public record Next(LoopEnd end, LoopPoint point, LoopDirection direction, Receiver receivedBy, boolean staffOnSite) {
    }

    /** The state after the loops recorded so far (each was checked against the procedure when recorded). */
    static State replay(LoopTest test, List<Loop> loops) {
        State s = new State();
        for (Loop l : loops) {
            Step step = step(test, s, l.end, l.point, l.direction).orElseThrow(() -> new IllegalStateException(
                    "loop " + l.seq + " of " + l.loopTestId + " does not follow the procedure"));
            apply(s, step, l.end, l.received);
        }
        return s;
    }

    /** The loops the procedure calls for next; empty once the fault is located or the loops are exhausted. */
    static List<Next> next(LoopTest test, State s) {
        List<Next> out = new ArrayList<>();
        if (s.located != null) {
            return out;
        }
        for (LoopEnd end : LoopEnd.values()) {
            for (Step step : Step.values()) {
                if (step.applies(test, s, end)) {
                    out.add(new Next(end, step.point, step.direction, step.receiver, step.needsStaff(test, end)));
                }
            }
        }
        return out;
    }

    /** The step a loop at {@code end} with this point and direction is, if the procedure calls for it now. */
    static Optional<Step> step(LoopTest test, State s, LoopEnd end, LoopPoint point, LoopDirection direction) {
        if (s.located != null) {
            return Optional.empty();
        }
        for (Step step : Step.values()) {
            if (step.point == point && step.direction == direction && step.applies(test, s, end)) {
                return Optional.of(step);
            }
        }
        return Optional.empty();
    }

    /** Records what the loop showed; returns its finding. */
    static Finding apply(State s, Step step, LoopEnd end, boolean received) {
        Finding f = received ? step.ifReceived : step.ifNot;
        Located where = received ? step.locatedIfReceived : step.locatedIfNot;
        switch (where) {
            case THIS_ACCESS -> s.located = end.access();
            case BACKBONE -> s.located = Segment.BACKBONE;
            case CUSTOMER_PREMISES -> s.located = Segment.CUSTOMER_PREMISES;
            case NONE -> {
                if (f == BACKBONE_OK) {
                    s.backboneOk = true;
                } else {
                    s.known.get(end).add(f);
                }
            }
        }
        return f;
    }

    /** The loops cannot find the fault: nothing located and nothing left to try. */
    static boolean exhausted(LoopTest test, State s) {
        return s.located == null && next(test, s).isEmpty();
    }
}
