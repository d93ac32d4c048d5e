package cn.onepoint.ticket;

/** Which way a loop faces. */
public enum LoopDirection {
    /** 环向用户 */ TOWARD_CUSTOMER,
    /** 面向骨干方向 (toward the backbone and the far end) */ TOWARD_BACKBONE
}
