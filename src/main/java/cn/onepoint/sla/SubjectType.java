package cn.onepoint.sla;

/** What a timer watches. The engine only keeps the id; it never imports the feature that owns it. */
public enum SubjectType {
    TICKET, WORK_ORDER, ORDER, REQUIREMENT, RESOURCE_CHECK, PROJECT, ISSUE_ITEM, RESOURCE_NODE, CUTOVER, ASSURANCE_PERIOD,
    SERVICE_RECORD,
    /** One affected customer's notice of a cutover (its acknowledgement is timed per customer). */
    CUTOVER_NOTICE
}
