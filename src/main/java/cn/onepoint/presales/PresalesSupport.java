package cn.onepoint.presales;

import cn.onepoint.common.DomainException;
import cn.onepoint.common.FieldErrors;
import cn.onepoint.common.Messages;
import cn.onepoint.directory.Customer;
import cn.onepoint.directory.Person;
import cn.onepoint.directory.Role;
import cn.onepoint.directory.Unit;
import cn.onepoint.feed.Outbox;
import cn.onepoint.notify.Notification;
import cn.onepoint.notify.Notifications;
import cn.onepoint.sla.SubjectType;
import cn.onepoint.sla.Timer;
import cn.onepoint.sla.TimerState;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * What every pre-sales command does besides its own change, in the caller's transaction: look people up and check
 * their O2 roles, write the history row, the feed event (topic {@code presales}) and notifications, and read which
 * timers the engine has breached.
 */
@ApplicationScoped
public class PresalesSupport {

    private final Clock clock;
    private final Outbox outbox;
    private final Notifications notifications;
    private final ZoneId zone;

    public PresalesSupport(Clock clock, Outbox outbox, Notifications notifications,
                           @ConfigProperty(name = "onepoint.zone", defaultValue = "Asia/Shanghai") ZoneId zone) {
        this.clock = clock;
        this.outbox = outbox;
        this.notifications = notifications;
        this.zone = zone;
    }

    /** Now, to the microsecond PostgreSQL keeps (a value read back equals the one written). */
    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    public ZoneId zone() {
        return zone;
    }

    /** {@code field, id, field, id, …} in order; null ids are kept (and skipped by the lookups). */
    public static Map<String, UUID> refs(Object... fieldsAndIds) {
        Map<String, UUID> out = new LinkedHashMap<>();
        for (int i = 0; i < fieldsAndIds.length; i += 2) {
            out.put((String) fieldsAndIds[i], (UUID) fieldsAndIds[i + 1]);
        }
        return out;
    }

    /** The people a request names ({@code field → id}); every unknown one is a bad field in {@code errors}. */
    public static Uni<Map<String, Person>> people(FieldErrors errors, Map<String, UUID> refs) {
        return PresalesSupport.<Person>lookup(errors, refs, ids -> Person.list("id in ?1", ids), p -> p.id,
                "field.unknownPerson");
    }

    /** The units a request names; every unknown one is a bad field in {@code errors}. */
    public static Uni<Map<String, Unit>> units(FieldErrors errors, Map<String, UUID> refs) {
        return PresalesSupport.<Unit>lookup(errors, refs, ids -> Unit.list("id in ?1", ids), u -> u.id,
                "field.unknownUnit");
    }

    /** The customer a request names; unknown is a bad field in {@code errors} (null item then). */
    public static Uni<Customer> customer(FieldErrors errors, String field, UUID id) {
        return PresalesSupport.<Customer>lookup(errors, refs(field, id), ids -> Customer.list("id in ?1", ids), c -> c.id,
                "field.unknownCustomer").map(m -> m.get(field));
    }

    /**
     * Loads what a request refers to in one query; null ids are skipped, each unknown one is recorded as a bad
     * field, so that the caller throws all of them at once with its other field errors.
     */
    private static <T> Uni<Map<String, T>> lookup(FieldErrors errors, Map<String, UUID> refs,
                                                  Function<List<UUID>, Uni<List<T>>> find, Function<T, UUID> idOf,
                                                  String unknownKey) {
        List<UUID> ids = refs.values().stream().filter(Objects::nonNull).distinct().toList();
        Uni<List<T>> found = ids.isEmpty() ? Uni.createFrom().item(List.of()) : find.apply(ids);
        return found.map(list -> {
            Map<UUID, T> byId = new HashMap<>();
            list.forEach(t -> byId.put(idOf.apply(t), t));
            Map<String, T> out = new LinkedHashMap<>();
            refs.forEach((field, id) -> {
                if (id == null) {
                    return;
                }
                T t = byId.get(id);
                if (t == null) {
                    errors.add(field, unknownKey, id);
                } else {
                    out.put(field, t);
                }
            });
            return out;
        });
    }

    /** A true/false list filter; anything else is a bad field. Null when absent. */
    public static Boolean flag(FieldErrors errors, String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        if (!raw.equals("true") && !raw.equals("false")) {
            errors.add(field, "unknownEnum", raw, "true, false");
            return null;
        }
        return Boolean.valueOf(raw);
    }

    /** {@code sort=attr} or {@code -attr} among {@code allowed} (wire name → attribute); default newest first. */
    public static String order(FieldErrors errors, String raw, Map<String, String> allowed) {
        return order(errors, raw, allowed, "createdAt desc, id");
    }

    public static String order(FieldErrors errors, String raw, Map<String, String> allowed, String otherwise) {
        if (raw == null || raw.isBlank()) {
            return otherwise;
        }
        boolean desc = raw.startsWith("-");
        String attr = allowed.get(desc ? raw.substring(1) : raw);
        if (attr == null) {
            errors.add("sort", "unknownEnum", raw, String.join(", ", allowed.keySet().stream().sorted().toList())
                    + " (- for descending)");
            return null;
        }
        return attr + (desc ? " desc" : " asc") + ", id";
    }

    /** One person named in a body; unknown is a 400 naming the field. */
    public Uni<Person> person(UUID id, String field) {
        return Person.<Person>findById(id).map(p -> {
            if (p == null) {
                throw FieldErrors.single(field, "field.unknownPerson", id);
            }
            return p;
        });
    }

    /**
     * O2, about someone a body names (not the caller: the customer manager a project is for, a node's engineer): they
     * must hold one of the roles, else the rule refuses (422 with its id).
     */
    public static void requireRole(Person p, String rule, Role... roles) {
        if (!hasRole(p, roles)) {
            throw DomainException.rule(rule, "s.role", p.name, rule, names(roles));
        }
    }

    /**
     * O2, who may act: the acting person (the token's, docs/security.md) must hold one of the roles, else 403 naming
     * the rule.
     */
    public static void requireActorRole(Person actor, String rule, Role... roles) {
        if (!hasRole(actor, roles)) {
            throw DomainException.forbidden(rule, "s.role", actor.name, rule, names(roles));
        }
    }

    private static String names(Role... roles) {
        return String.join(" / ", Arrays.stream(roles).map(Role::name).toList());
    }

    public static boolean hasRole(Person p, Role... roles) {
        return Arrays.stream(roles).anyMatch(p.roles::contains);
    }

    public Uni<Void> history(SubjectType subjectType, UUID subjectId, String action, UUID actorId, String from,
                             String to, String detail) {
        PresalesHistory h = new PresalesHistory();
        h.subjectType = subjectType.name();
        h.subjectId = subjectId;
        h.at = now();
        h.action = action;
        h.actorId = actorId;
        h.fromState = from;
        h.toState = to;
        h.detail = detail;
        return h.persist().replaceWithVoid();
    }

    public Uni<List<PresalesHistory>> historyOf(UUID subjectId) {
        return PresalesHistory.list("subjectId = ?1 order by id", subjectId);
    }

    /** A feed event on topic presales; {@code rootId} groups it (a project's issue items under the project). */
    public Uni<Void> event(String eventType, SubjectType subjectType, UUID subjectId, UUID rootId, Outbox.Scope scope,
                           Object payload) {
        return outbox.append(Outbox.Topic.presales, eventType, subjectType.name(), subjectId, rootId, scope, payload);
    }

    /**
     * Writes a notification (no escalation) to one person, text in Chinese, the language of the people it goes to;
     * delivered through {@link Notifications} on every enabled channel at least once.
     */
    public Uni<Notification> tell(UUID recipient, Role role, SubjectType subjectType, UUID subjectId, String messageKey,
                                  Object... args) {
        Notification n = notifications.message(recipient, role,
                Messages.text(Locale.SIMPLIFIED_CHINESE, messageKey, args), subjectType, subjectId, null, now());
        return notifications.persist(List.of(n)).replaceWith(n);
    }

    public Uni<List<Notification>> notificationsOf(SubjectType subjectType, UUID subjectId) {
        return Notification.list("subjectType = ?1 and subjectId = ?2 order by createdAt, id", subjectType, subjectId);
    }

    /** Which of these timers the engine has breached (a requirement expired, an issue item past due). */
    public static Uni<Set<UUID>> breached(Collection<UUID> timerIds) {
        List<UUID> ids = timerIds.stream().filter(Objects::nonNull).distinct().toList();
        if (ids.isEmpty()) {
            return Uni.createFrom().item(new HashSet<>()); // mutable: contains(null) is false, not an NPE
        }
        return Timer.<Timer>list("id in ?1 and state = ?2", ids, TimerState.breached)
                .map(list -> {
                    Set<UUID> out = new HashSet<>();
                    list.forEach(t -> out.add(t.id));
                    return out;
                });
    }

    /** HQL for list filters on a timer-id column: its timer is breached (requirement expired, issue item overdue). */
    public static String breachedClause(String timerIdAttribute, String param) {
        return "exists (select 1 from Timer t where t.id = " + timerIdAttribute + " and t.state = :" + param + ")";
    }
}
