package cn.onepoint.auth;

import cn.onepoint.common.DomainException;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Who may do what beyond the rules the services check against the acting person (docs/security.md): directory
 * and calendar writes, and ticket intake by service accounts. The service's own work (no request) passes.
 */
@ApplicationScoped
public class Access {

    private final Actors actors;

    public Access(Actors actors) {
        this.actors = actors;
    }

    /** AUTH-DIRECTORY: units, people, customers, circuits and calendar years are written by directory-admin. */
    public void directoryWrite() {
        Actor a = actors.current();
        if (a != null && !a.has(ServiceRole.DIRECTORY_ADMIN)) {
            throw DomainException.forbidden("AUTH-DIRECTORY", "auth.directoryAdmin");
        }
    }

    /**
     * T2: a person takes faults of any channel; a service account needs INTAKE, or ALARM_INTAKE for the ALARM
     * channel (automation) alone.
     */
    public void intake(boolean alarmChannel) {
        Actor a = actors.current();
        if (a == null || a.isPerson() || a.has(ServiceRole.INTAKE)) {
            return;
        }
        if (!(alarmChannel && a.has(ServiceRole.ALARM_INTAKE))) {
            throw DomainException.forbidden("T2", "auth.serviceRole", a.client(),
                    alarmChannel ? ServiceRole.ALARM_INTAKE : ServiceRole.INTAKE);
        }
    }
}
