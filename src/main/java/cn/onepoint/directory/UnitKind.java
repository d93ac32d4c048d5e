package cn.onepoint.directory;

/** O1: what a unit does in the fault flow. */
public enum UnitKind {
    /** 受理工位 */ ACCEPTANCE_DESK,
    /** 管控工位 */ CONTROL_DESK,
    /** 处理工位: machine rooms, network operations */ HANDLING,
    /** 客户支撑中心 */ CUSTOMER_SUPPORT
}
