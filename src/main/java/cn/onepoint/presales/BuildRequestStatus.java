package cn.onepoint.presales;

import cn.onepoint.common.DomainException;

import java.util.List;

/** A build request is open until the network-development department closes it. */
public enum BuildRequestStatus {
    OPEN(List.of("close")), CLOSED(List.of());

    private final List<String> actions;

    BuildRequestStatus(List<String> actions) {
        this.actions = actions;
    }

    public List<String> allowedActions() {
        return actions;
    }

    public void check(String action) {
        if (!actions.contains(action)) {
            throw DomainException.stateConflict(name(), actions, action);
        }
    }
}
