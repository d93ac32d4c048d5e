package cn.onepoint.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
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

    public enum Topic { tickets, orders, workorders, timers }

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

    public Uni<Void> append(Topic topic, String eventType, String subjectType, UUID subjectId, Scope scope,
                            Object payload) {
        String body;
        try {
            body = json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        insert into event_outbox (topic, event_type, subject_type, subject_id, customer_id, unit_id,
                                                  province, payload, event_time)
                        values (:topic, :type, :stype, :sid, :cid, :uid, :prov, cast(cast(:payload as text) as jsonb), :at)""")
                .setParameter("topic", topic.name())
                .setParameter("type", eventType)
                .setParameter("stype", subjectType)
                .setParameter("sid", subjectId)
                .setParameter("cid", scope.customerId())
                .setParameter("uid", scope.unitId())
                .setParameter("prov", scope.province())
                .setParameter("payload", body)
                .setParameter("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .executeUpdate()).replaceWithVoid();
    }
}
