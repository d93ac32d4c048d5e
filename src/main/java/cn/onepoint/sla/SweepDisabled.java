package cn.onepoint.sla;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.inject.Singleton;

/**
 * {@code onepoint.sla.sweep-enabled=false} switches the scheduled sweep off on this instance (as does
 * {@link TimerSweep#pauseSchedule()} for the sweep itself).
 */
@Singleton
public class SweepDisabled implements Scheduled.SkipPredicate {

    private final SlaPolicy policy;

    public SweepDisabled(SlaPolicy policy) {
        this.policy = policy;
    }

    @Override
    public boolean test(ScheduledExecution execution) {
        return !policy.sweepEnabled();
    }
}
