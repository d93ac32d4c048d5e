package cn.onepoint.presales;

/** The two kinds of requirement order 业务需求单. Both are checked the same way; the kind is recorded and filtered on. */
public enum RequirementKind {
    /** 查询型: asks whether the resources are there. */
    QUERY,
    /** 定单型: the check behind an order to be placed. */
    ORDER
}
