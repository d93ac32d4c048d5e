package cn.onepoint.ticket;

import cn.onepoint.common.HistoryEntry;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.util.UUID;

/** Every change of a ticket, with actor and time (closed-loop management 闭环管理). */
@Entity
@Table(name = "ticket_history")
public class TicketHistory extends HistoryEntry {
    @Column(name = "ticket_id")
    public UUID ticketId;
    @Convert(converter = Converters.Status.class)
    @Column(name = "from_status")
    public TicketStatus fromStatus;
    @Convert(converter = Converters.Status.class)
    @Column(name = "to_status")
    public TicketStatus toStatus;
    @Convert(converter = Converters.PhaseConverter.class)
    public Phase phase;
}
