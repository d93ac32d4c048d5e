package cn.onepoint.ticket;

/** Where new information about a fault came from [2.3.1.3]. */
public enum InformationSource {
    /** The customer (through the desk, the CM or on site). */
    CUSTOMER,
    /** A handling unit working on the fault. */
    HANDLING_UNIT,
    /** The customer manager or customer engineer. */
    CUSTOMER_MANAGER,
    /** Network monitoring 网络监控. */
    NETWORK_MONITORING,
    OTHER
}
