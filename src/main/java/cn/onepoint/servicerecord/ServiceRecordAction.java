package cn.onepoint.servicerecord;

import cn.onepoint.common.Transition;

import java.util.EnumSet;
import java.util.Set;

import static cn.onepoint.servicerecord.ServiceRecordStatus.CANCELLED;
import static cn.onepoint.servicerecord.ServiceRecordStatus.COMPLETED;
import static cn.onepoint.servicerecord.ServiceRecordStatus.OPEN;

/** The service-record state machine as data: open → completed / cancelled. */
public enum ServiceRecordAction implements Transition<ServiceRecordStatus> {
    COMPLETE("complete", EnumSet.of(OPEN), COMPLETED),
    CANCEL("cancel", EnumSet.of(OPEN), CANCELLED);

    private final String wire;
    private final Set<ServiceRecordStatus> from;
    private final ServiceRecordStatus to;

    ServiceRecordAction(String wire, Set<ServiceRecordStatus> from, ServiceRecordStatus to) {
        this.wire = wire;
        this.from = from;
        this.to = to;
    }

    @Override
    public String wire() {
        return wire;
    }

    @Override
    public Set<ServiceRecordStatus> from() {
        return from;
    }

    @Override
    public ServiceRecordStatus to() {
        return to;
    }

    @Override
    public Transition<ServiceRecordStatus>[] all() {
        return values();
    }
}
