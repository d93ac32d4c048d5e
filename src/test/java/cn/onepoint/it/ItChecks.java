package cn.onepoint.it;

import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What the integration tests check in the database and on the feeds after a fault. */
final class ItChecks {

    /**
     * Tickets on a circuit missing a part of the write that made them: the intake's history row and create event,
     * and once accepted the acceptance's history row, change event and its two timers (T10, T5). One transaction
     * wrote each set, so a ticket has all of its parts or none.
     */
    static final String INCOMPLETE_TICKETS = """
            select t.id from ticket t
             where t.circuit_code = ? and not (
                   (select count(*) from ticket_history h where h.ticket_id = t.id and h.action = 'create') = 1
               and (select count(*) from event_outbox e
                     where e.subject_id = t.id and e.event_type = 'TroubleTicketCreateEvent') = 1
               and (select count(*) from ticket_history h where h.ticket_id = t.id and h.action = 'accept')
                   = case when t.accepted_at is null then 0 else 1 end
               and (select count(*) from event_outbox e where e.subject_id = t.id and e.event_type in
                           ('TroubleTicketStatusChangeEvent', 'TroubleTicketAttributeValueChangeEvent'))
                   = case when t.accepted_at is null then 0 else 1 end
               and (select count(*) from timer m
                     where m.subject_id = t.id and m.kind in ('CUSTOMER_FIRST_UPDATE', 'RESOLUTION'))
                   = case when t.accepted_at is null then 0 else 2 end)""";

    private ItChecks() {
    }

    /** {@code after + 1 … end}: the seqs a feed resumed after {@code after} must show, gap-free. */
    static List<Long> range(long after, long end) {
        List<Long> out = new ArrayList<>();
        for (long s = after + 1; s <= end; s++) {
            out.add(s);
        }
        return out;
    }

    static List<Long> seqs(List<JsonObject> messages) {
        return messages.stream().map(m -> m.getLong("seq")).toList();
    }

    /** How many messages of {@code eventType} there are per payload id. */
    static Map<String, Long> perId(List<JsonObject> messages, String eventType) {
        return messages.stream().filter(m -> eventType.equals(m.getString("eventType")))
                .collect(Collectors.groupingBy(m -> m.getJsonObject("event").getString("id"), Collectors.counting()));
    }

    /** {@code ids} each once: what {@link #perId} must find for writes that each happened exactly once. */
    static Map<String, Long> once(List<?> ids) {
        return ids.stream().collect(Collectors.toMap(Object::toString, id -> 1L));
    }
}
