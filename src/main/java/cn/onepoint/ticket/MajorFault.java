package cn.onepoint.ticket;

/** The major faults that affect many customers and escalate at once [2.3.1.4 一 1)]. */
public enum MajorFault {
    /** 电信网重大通信故障 */ NETWORK,
    /** 网间通信故障 */ INTER_NETWORK,
    /** 自然灾害、突发事件 */ DISASTER
}
