package cn.onepoint.ticket;

import cn.onepoint.common.DomainException;
import cn.onepoint.directory.BusinessType;
import cn.onepoint.directory.Unit;
import cn.onepoint.workorder.Segment;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * T16 (and the parallel dispatch of T4): which units a fault is dispatched to, in which stage.
 * Pure: everything it needs is passed in, so every branch is easy to test and to read.
 */
final class DispatchPlan {

    record Target(UUID unitId, Segment segment) {
    }

    record Plan(List<Target> targets, int stage) {
    }

    /**
     * @param dispatcher    the unit dispatching; its jurisdiction decides whole vs partial (T16)
     * @param stage         dispatch stage reached so far (0 none, 1 local end only, 2 all)
     * @param localEndClean the local access end reported no alarm and no configuration change (T16), or the
     *                      local pre-check found the local segment clean (T4)
     * @param farProvince   for the T4 parallel dispatch: the far end's province unit, when known
     * @param requested     targets named by the dispatcher, or null to let the rule decide
     */
    static Plan plan(BusinessType type, Unit dispatcher, Unit aEnd, Unit zEnd, UUID backbone, int stage,
                     boolean localEndClean, Unit farProvince, List<Target> requested) {
        if (stage >= 2) {
            // Everything mandatory is out; further dispatches only add units the dispatcher names.
            if (requested == null || requested.isEmpty()) {
                throw DomainException.rule("T16", "t16.nothingMore");
            }
            return new Plan(requested, 2);
        }
        List<Target> all = new ArrayList<>(List.of(new Target(aEnd.id, Segment.A_ACCESS),
                new Target(zEnd.id, Segment.Z_ACCESS)));
        if (backbone != null) {
            all.add(new Target(backbone, Segment.BACKBONE));
        }
        if (!type.isBandwidth()) {
            return new Plan(requested == null || requested.isEmpty() ? all : requested, 2);
        }
        boolean whole = dispatcher.covers(aEnd) && dispatcher.covers(zEnd);
        if (whole) {
            // T16: whole circuit in jurisdiction: both access ends (both mandatory) and the backbone at once.
            List<Target> targets = requested == null || requested.isEmpty() ? all : requested;
            requireEnd(targets, aEnd.id, Segment.A_ACCESS);
            requireEnd(targets, zEnd.id, Segment.Z_ACCESS);
            return new Plan(targets, 2);
        }
        boolean localIsA = dispatcher.covers(aEnd) || !dispatcher.covers(zEnd);
        Target local = localIsA ? all.get(0) : all.get(1);
        Target far = localIsA ? all.get(1) : all.get(0);
        if (stage == 0 && !localEndClean) {
            // T16: only part in jurisdiction: the local access end first.
            if (requested != null && requested.stream().anyMatch(t -> !t.unitId().equals(local.unitId()))) {
                throw DomainException.rule("T16", "t16.localFirst");
            }
            return new Plan(List.of(local), 1);
        }
        if (!localEndClean) {
            // T16: the far end and backbone only after the local end reports no alarm and no configuration change.
            throw DomainException.rule("T16", "t16.localNotClean");
        }
        List<Target> mandatory = new ArrayList<>(List.of(far));
        if (backbone != null) {
            mandatory.add(new Target(backbone, Segment.BACKBONE));
        }
        if (farProvince != null) {
            // T4: the province dispatches in parallel to every involved province, local network and backbone.
            mandatory.add(new Target(farProvince.id, Segment.OTHER));
        }
        List<Target> targets = requested == null || requested.isEmpty() ? mandatory : requested;
        requireEnd(targets, far.unitId(), far.segment());
        return new Plan(targets, 2);
    }

    private static void requireEnd(List<Target> targets, UUID unitId, Segment segment) {
        boolean present = targets.stream().anyMatch(t -> t.unitId().equals(unitId) && t.segment() == segment);
        if (!present) {
            throw DomainException.rule("T16", "t16.endMandatory", segment);
        }
    }

    private DispatchPlan() {
    }
}
