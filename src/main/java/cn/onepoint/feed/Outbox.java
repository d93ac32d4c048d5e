package cn.onepoint.feed;

import cn.onepoint.auth.Subjects;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Writes feed events in the caller's transaction (transactional outbox): no event without its change,
 * no change without its event. Call it inside a {@code @WithTransaction} service method.
 */
@ApplicationScoped
public class Outbox {

    /** aftersales: cutovers (A1) and service records (A3); presales: S1–S4. */
    public enum Topic { tickets, orders, workorders, timers, aftersales, presales }

    /** Where an event belongs, for the feed filters (unit, customer, province). */
    public record Scope(UUID customerId, UUID unitId, String province) {
        public static final Scope NONE = new Scope(null, null, null);
    }

    private final ObjectMapper json;
    private final Clock clock;

    public Outbox(ObjectMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    /**
     * An event made while serving a request names its authenticated subject in {@code actor} (a person's id or
     * {@code service:<client>}, docs/security.md); the service's own events (timers) carry none.
     */
    private Object withActor(Object payload) {
        String subject = Subjects.current();
        if (subject == null) {
            return payload;
        }
        JsonNode tree = json.valueToTree(payload);
        if (tree instanceof ObjectNode o && !o.has("actor")) {
            o.put("actor", subject);
            return o;
        }
        return payload;
    }

    /**
     * Appends an event about {@code subjectId}. The event's root (what {@code /ws/tickets/{id}} groups by) is
     * the subject itself, or for a {@code WORK_ORDER} subject the ticket or order it was dispatched for
     * (filled by the database, V6).
     */
    public Uni<Void> append(Topic topic, String eventType, String subjectType, UUID subjectId, Scope scope,
                            Object payload) {
        return append(topic, eventType, subjectType, subjectId, null, scope, payload);
    }

    /**
     * Appends an event whose root is given: the ticket (or order) it belongs to, so that the event shows on
     * that ticket's feed. A null root means "work it out" as in the overload without it.
     */
    public Uni<Void> append(Topic topic, String eventType, String subjectType, UUID subjectId, UUID rootId,
                            Scope scope, Object payload) {
        // The payload goes in as text and is parsed by PostgreSQL: a parameter typed jsonb directly would
        // make the driver store the Java String as one JSON string value.
        String body;
        try {
            body = json.writeValueAsString(withActor(payload));
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        insert into event_outbox (topic, event_type, subject_type, subject_id, root_id, customer_id,
                                                  unit_id, province, payload, event_time)
                        values (:topic, :type, :stype, :sid, :root, :cid, :uid, :prov,
                                cast(cast(:payload as text) as jsonb), :at)""")
                .setParameter("topic", topic.name())
                .setParameter("type", eventType)
                .setParameter("stype", subjectType)
                .setParameter("sid", subjectId)
                .setParameter("root", rootId)
                .setParameter("cid", scope.customerId())
                .setParameter("uid", scope.unitId())
                .setParameter("prov", scope.province())
                .setParameter("payload", body)
                .setParameter("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .executeUpdate()).replaceWithVoid();
    }
}
