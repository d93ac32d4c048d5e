package cn.onepoint.workorder;

import cn.onepoint.common.HistoryEntry;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import java.util.UUID;

/** Every change of a work order, with actor and time (closed-loop management 闭环管理). */
@Entity
@Table(name = "work_order_history")
public class WorkOrderHistory extends HistoryEntry {
    @Column(name = "work_order_id")
    public UUID workOrderId;
    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    public WorkOrderStatus fromStatus;
    @Enumerated(EnumType.STRING)
    @Column(name = "to_status")
    public WorkOrderStatus toStatus;
}
