package cn.onepoint.sla;

/** What one sweep did: timers warned and breached, escalations raised (first tier and further tiers). */
public record SweepResult(int warned, int breached, int escalated) {

    public static final SweepResult NONE = new SweepResult(0, 0, 0);

    public SweepResult plus(SweepResult o) {
        return new SweepResult(warned + o.warned, breached + o.breached, escalated + o.escalated);
    }
}
