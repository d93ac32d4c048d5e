package cn.onepoint.ticket;

/** T12 / T8: the true cause category decides exemption of suspended time. */
public enum CauseCategory { CUSTOMER, TELECOM, THIRD_PARTY, FORCE_MAJEURE }
