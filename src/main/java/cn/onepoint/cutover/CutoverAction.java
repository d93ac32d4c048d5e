package cn.onepoint.cutover;

import cn.onepoint.common.Transition;

import java.util.EnumSet;
import java.util.Set;

import static cn.onepoint.cutover.CutoverStatus.ANNOUNCED;
import static cn.onepoint.cutover.CutoverStatus.CANCELLED;
import static cn.onepoint.cutover.CutoverStatus.COMPLETED;
import static cn.onepoint.cutover.CutoverStatus.IN_PROGRESS;
import static cn.onepoint.cutover.CutoverStatus.PLANNED;

/**
 * The cutover state machine as data: planned → announced → inProgress → completed, cancelled before it starts.
 * A customer's acknowledgement is taken while announced and, late, while in progress.
 */
public enum CutoverAction implements Transition<CutoverStatus> {
    ANNOUNCE("announce", EnumSet.of(PLANNED), ANNOUNCED),
    ACKNOWLEDGE("acknowledgements", EnumSet.of(ANNOUNCED, IN_PROGRESS), null),
    START("start", EnumSet.of(ANNOUNCED), IN_PROGRESS),
    COMPLETE("complete", EnumSet.of(IN_PROGRESS), COMPLETED),
    CANCEL("cancel", EnumSet.of(PLANNED, ANNOUNCED), CANCELLED);

    private final String wire;
    private final Set<CutoverStatus> from;
    private final CutoverStatus to;

    CutoverAction(String wire, Set<CutoverStatus> from, CutoverStatus to) {
        this.wire = wire;
        this.from = from;
        this.to = to;
    }

    @Override
    public String wire() {
        return wire;
    }

    @Override
    public Set<CutoverStatus> from() {
        return from;
    }

    @Override
    public CutoverStatus to() {
        return to;
    }

    @Override
    public Transition<CutoverStatus>[] all() {
        return values();
    }
}
