package cn.onepoint.directory;

/** O2: the roles a person can hold. */
public enum Role {
    /** 客户经理 */ CUSTOMER_MANAGER,
    /** 首席客户经理 */ CHIEF_CUSTOMER_MANAGER,
    /** 客户工程师 */ CUSTOMER_ENGINEER,
    /** 首席客户工程师 */ CHIEF_CUSTOMER_ENGINEER,
    /** 业务经理 */ BUSINESS_MANAGER,
    /** 网运支撑经理 */ NETWORK_OPS_SUPPORT_MANAGER,
    /** 项目经理 */ PROJECT_MANAGER,
    /** 主管 */ SUPERVISOR,
    /** 第一责任人 candidates: acceptance-desk staff */ ACCEPTOR,
    /** 处理人员 */ HANDLER,
    /** 管控人员 */ CONTROLLER
}
