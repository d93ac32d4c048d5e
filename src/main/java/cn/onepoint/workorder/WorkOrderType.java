package cn.onepoint.workorder;

/** API.md: every dispatch of a ticket or an order to a unit, and the W1 coordination types. */
public enum WorkOrderType {
    FAULT_DISPATCH, ORDER_TASK,
    /** W1 行业服务类 */ INDUSTRY_SERVICE,
    /** W1 项目管理 */ PROJECT_MANAGEMENT,
    /** W1 差异化营销支撑类 */ MARKETING_SUPPORT;

    /** W1: the three types of cross-domain coordination work orders 跨域协同工单. */
    public boolean crossDomain() {
        return this == INDUSTRY_SERVICE || this == PROJECT_MANAGEMENT || this == MARKETING_SUPPORT;
    }
}
