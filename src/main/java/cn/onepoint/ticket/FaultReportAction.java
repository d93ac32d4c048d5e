package cn.onepoint.ticket;

import cn.onepoint.common.DomainException;
import cn.onepoint.directory.Role;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static cn.onepoint.ticket.FaultReportStatus.DRAFT;
import static cn.onepoint.ticket.FaultReportStatus.DUE;
import static cn.onepoint.ticket.FaultReportStatus.REVIEWED;
import static cn.onepoint.ticket.FaultReportStatus.SUBMITTED;

/**
 * The final fault report's state machine as data: each action, the statuses it is allowed in, where it leads, and
 * which roles of the customer engineer's unit may take it. A review approves (→ reviewed) or returns the draft
 * with a note (→ draft); a new draft after a review needs a new review.
 */
public enum FaultReportAction {
    DRAFT_REPORT("draft", EnumSet.of(DUE, DRAFT, REVIEWED), DRAFT,
            EnumSet.of(Role.CUSTOMER_ENGINEER, Role.CHIEF_CUSTOMER_ENGINEER)),
    APPROVE("review", EnumSet.of(DRAFT), REVIEWED, EnumSet.of(Role.CHIEF_CUSTOMER_ENGINEER, Role.SUPERVISOR)),
    RETURN("review", EnumSet.of(DRAFT), DRAFT, EnumSet.of(Role.CHIEF_CUSTOMER_ENGINEER, Role.SUPERVISOR)),
    SUBMIT("submit", EnumSet.of(REVIEWED), SUBMITTED, EnumSet.of(Role.CHIEF_CUSTOMER_ENGINEER, Role.SUPERVISOR));

    private final String wire;
    private final Set<FaultReportStatus> from;
    private final FaultReportStatus to;
    private final Set<Role> roles;

    FaultReportAction(String wire, Set<FaultReportStatus> from, FaultReportStatus to, Set<Role> roles) {
        this.wire = wire;
        this.from = from;
        this.to = to;
        this.roles = roles;
    }

    public String wire() {
        return wire;
    }

    /** Who of the unit may take it. */
    public Set<Role> roles() {
        return roles;
    }

    /** The status after this action, or a 409 naming the report's status and what is allowed in it. */
    public FaultReportStatus apply(FaultReportStatus status) {
        if (!from.contains(status)) {
            throw DomainException.stateConflict(status.name(), allowed(status), wire);
        }
        return to;
    }

    public static List<String> allowed(FaultReportStatus status) {
        return Arrays.stream(values()).filter(a -> a.from.contains(status)).map(FaultReportAction::wire)
                .distinct().toList();
    }
}
