package cn.onepoint.workorder;

/** API.md: every dispatch of a ticket or an order to a unit, and the W1 coordination types. */
public enum WorkOrderType { FAULT_DISPATCH, ORDER_TASK, INDUSTRY_SERVICE, PROJECT_MANAGEMENT, MARKETING_SUPPORT }
