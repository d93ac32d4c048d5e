package cn.onepoint.ticket;

/** A telecom-caused outage at a large customer's headquarters, total or partial [2.3.1.4 一 2)]. */
public enum HeadquartersOutage {
    /** 全阻 */ TOTAL,
    /** 部分阻断 */ PARTIAL
}
