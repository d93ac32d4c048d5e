package cn.onepoint.ticket;

/** Where a loop is made. */
public enum LoopPoint {
    /** 距用户最近的电信局端 */ NEAREST_OFFICE,
    /** 用户端电信设备用户侧端口 */ CPE_CUSTOMER_PORT,
    /** 骨干出口 */ BACKBONE_EXIT
}
