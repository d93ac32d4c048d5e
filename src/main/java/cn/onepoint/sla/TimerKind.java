package cn.onepoint.sla;

/**
 * The timers of docs/rules.md ("Timers the engine must run"), each with the rule it enforces. Limits live in
 * {@link SlaPolicy}; working-day deadlines are computed by the caller and passed as an explicit due time.
 */
public enum TimerKind {
    /** Province confirms review → parallel dispatch sent, 5 min. */
    PROVINCE_DISPATCH("T4"),
    /** Work order dispatched to a unit → unit accepts 接单确认, 5 min. */
    ACCEPT("T4"),
    /** Accepted / last report → next report, 30 or 60 min. */
    HANDLER_PROGRESS("T9"),
    /** Ticket accepted → first customer update, 30 min. */
    CUSTOMER_FIRST_UPDATE("T10"),
    /** Last customer update → next update, 2 h. */
    CUSTOMER_UPDATE("T10"),
    /** Handler feedback posted → control desk answers, 5 min. */
    CONTROL_RESPONSE("T11"),
    /** New information at the control desk → passed on to every handling unit, 5 min. */
    CONTROL_RELAY("T11"),
    /** Ticket accepted → service restored; paused while suspended (T8). */
    RESOLUTION("T5"),
    /** Major, group-level or cross-province fault closed → final fault report submitted by the CE's unit. */
    FAULT_REPORT("T15"),
    /** Project manager named → survey done, 2 working days. */
    SURVEY("P3"),
    /** Survey done → plan done, 12 working days. */
    PLAN("P4"),
    /** Construction starts / last report → next report, 7 days. */
    PROGRESS_REPORT("P5"),
    /** Due − 10 working days: the order enters the warning pool. */
    WARNING_POOL_ENTRY("P6", false),
    /** Due − 5 (3) working days: the unit must have filed its warning. */
    WARNING_LEAD("P6", false),
    /** Order accepted → full completion, the requested date. */
    ORDER_DUE("P6"),
    /** Full test report → registered in the long-distance resource system, 2 working days. */
    RESOURCE_SYSTEM_ENTRY("P8"),
    /** Full completion → CRM delivery note, 1 working day. */
    CRM_DELIVERY_NOTE("P8"),
    /** Last segment answered → the resource check expires, 1 month. */
    RESOURCE_CHECK_VALIDITY("S1"),
    /** Issue item created → closed, the item's due time. */
    ISSUE_ITEM("S3"),
    /** Cross-domain task dispatched to a team → the team accepts it. */
    CROSS_DOMAIN_ACCEPT("W1"),
    /** Cross-domain task dispatched → done (completed or rejected), the task's due time. */
    CROSS_DOMAIN_TASK("W1"),
    /** Cross-domain request taken from the customer manager → the one reply to them, the request's due time. */
    CROSS_DOMAIN_REPLY("W1"),
    /** Cutover announced → one affected customer acknowledges the notice 割接通知回执; never later than the start. */
    CUTOVER_ACK("A1"),
    /** Cutover started → completed, by the announced planned end. */
    CUTOVER_WINDOW("A1"),
    /** Visits, campaigns, crisis interventions, service-tracking warnings, drills: records with due dates. */
    SERVICE_RECORD("A3");

    private final String rule;
    private final boolean warns;

    TimerKind(String rule) {
        this(rule, true);
    }

    TimerKind(String rule, boolean warns) {
        this.rule = rule;
        this.warns = warns;
    }

    /** The rule id in docs/rules.md. */
    public String rule() {
        return rule;
    }

    /** Whether a warning precedes the deadline; the P6 pool timers are warnings themselves. */
    public boolean warns() {
        return warns;
    }
}
