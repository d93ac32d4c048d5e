package cn.onepoint.cutover;

import cn.onepoint.common.Transition;
import cn.onepoint.cutover.dto.CutoverHistoryView;
import cn.onepoint.cutover.dto.CutoverView;
import cn.onepoint.directory.Customer;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

/** Maps a cutover and its parts to the wire. */
final class CutoverViews {

    private CutoverViews() {
    }

    static CutoverView of(CutoverData d, Duration lead) {
        Cutover c = d.cutover();
        List<CutoverView.CircuitRef> circuits = d.circuits().stream()
                .map(x -> new CutoverView.CircuitRef(s(x.circuitId), x.circuitCode, s(x.customerId))).toList();
        List<CutoverView.CustomerNotice> customers = d.notices().stream().map(n -> notice(d, n)).toList();
        int acknowledged = (int) d.notices().stream().filter(CutoverNotice::acknowledged).count();
        return new CutoverView(c.id.toString(), "/api/v1/cutovers/" + c.id, c.number, c.status, c.title,
                c.description, c.impact, c.plannedStart, c.plannedEnd, c.plannedStart.minus(lead),
                s(c.executingUnitId), s(c.plannerId), circuits, customers, acknowledged,
                c.announcedAt, s(c.announcedBy), c.startedAt, s(c.startedBy), c.startNote,
                c.completedAt, s(c.completedBy), c.outcome, c.resultNote,
                c.cancelledAt, s(c.cancelledBy), c.cancelReason, c.createdAt, c.updatedAt, c.version,
                Transition.allowedIn(c.status, CutoverAction.values()));
    }

    static CutoverView.CustomerNotice notice(CutoverData d, CutoverNotice n) {
        Customer customer = d.customers().get(n.customerId);
        return new CutoverView.CustomerNotice(s(n.customerId), customer.code, customer.name,
                d.circuitCodesOf(n.customerId), s(n.recipientId), n.recipientRole, n.notifiedAt, n.ackDueAt,
                n.acknowledged(), n.acknowledgedAt, s(n.acknowledgedBy), n.contactName, n.ackNote,
                n.unacknowledgedAtStart);
    }

    static CutoverHistoryView of(CutoverHistory h) {
        return new CutoverHistoryView(h.id, h.at, h.action, s(h.actorId), h.fromStatus, h.toStatus, h.detail, h.subject);
    }

    private static String s(UUID id) {
        return id == null ? null : id.toString();
    }
}
