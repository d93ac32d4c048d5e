package cn.onepoint.servicerecord;

import cn.onepoint.directory.Role;

import java.util.EnumSet;
import java.util.Set;

import static cn.onepoint.directory.Role.CHIEF_CUSTOMER_ENGINEER;
import static cn.onepoint.directory.Role.CHIEF_CUSTOMER_MANAGER;
import static cn.onepoint.directory.Role.CUSTOMER_ENGINEER;
import static cn.onepoint.directory.Role.CUSTOMER_MANAGER;
import static cn.onepoint.directory.Role.SUPERVISOR;

/**
 * A3: the after-sales duties kept as records with due dates [2.3.4–2.3.6, 2.3.10], each with the O2 roles that may
 * take one (empty: anyone of a unit). The customer's own people (customer managers and engineers) visit and run
 * campaigns; a crisis needs someone senior; a drill belongs to whichever unit rehearses.
 */
public enum ServiceRecordKind {
    /** 走访 */ VISIT(facing()),
    /** 回访 */ RETURN_VISIT(facing()),
    /** 专项服务活动 */ SERVICE_CAMPAIGN(facing()),
    /** 售后服务危机干预 */ CRISIS_INTERVENTION(EnumSet.of(CHIEF_CUSTOMER_MANAGER, CHIEF_CUSTOMER_ENGINEER, SUPERVISOR)),
    /** 服务跟踪预警 */ SERVICE_TRACKING_WARNING(with(facing(), SUPERVISOR)),
    /** 应急预案演练 */ EMERGENCY_DRILL(EnumSet.noneOf(Role.class));

    private final Set<Role> assigneeRoles;

    ServiceRecordKind(Set<Role> assigneeRoles) {
        this.assigneeRoles = assigneeRoles;
    }

    /** The roles one of which the assignee must hold; empty: no restriction. */
    public Set<Role> assigneeRoles() {
        return assigneeRoles;
    }

    public boolean mayBeTakenBy(Set<Role> roles) {
        return assigneeRoles.isEmpty() || roles.stream().anyMatch(assigneeRoles::contains);
    }

    private static Set<Role> facing() {
        return EnumSet.of(CUSTOMER_MANAGER, CHIEF_CUSTOMER_MANAGER, CUSTOMER_ENGINEER, CHIEF_CUSTOMER_ENGINEER);
    }

    private static Set<Role> with(Set<Role> roles, Role more) {
        roles.add(more);
        return roles;
    }
}
