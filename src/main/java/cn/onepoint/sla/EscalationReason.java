package cn.onepoint.sla;

/** T13 / T14: why a subject was escalated. */
public enum EscalationReason {
    /** A timer passed its deadline (the sweep). */
    BREACH,
    /** 全阻 */
    TOTAL_OUTAGE,
    /** A major network / inter-network / disaster fault affecting many customers. */
    MAJOR_FAULT,
    /** A telecom-caused outage at a large customer's headquarters. */
    CUSTOMER_HQ_OUTAGE,
    /** Any fault during an assurance period (A2). */
    ASSURANCE_PERIOD,
    /** The customer escalated directly or through the CM (T14). */
    EXTERNAL
}
