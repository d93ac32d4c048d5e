package cn.onepoint.sla;

import cn.onepoint.common.Messages;
import cn.onepoint.directory.Role;
import cn.onepoint.directory.Tier;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * T13: who hears of an escalation and in what words. The supervisor(s) of the target unit and the
 * customer's chief customer engineer are escalated to; the customer manager is notified. Shared by the
 * sweep (plain SQL) and {@link TimerService#escalateNow} (Panache): both only fetch the {@link Target}.
 */
@ApplicationScoped
public class EscalationPlanner {

    /** The unit escalated to, its supervisors, and the customer's CCE and CM (any may be null or empty). */
    public record Target(UUID unitId, Tier tier, String unitName, List<UUID> supervisors, UUID cceId, UUID cmId) {
    }

    public record Plan(Escalation escalation, List<Notification> notifications) {
    }

    private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    private final DateTimeFormatter format;

    public EscalationPlanner(@ConfigProperty(name = "onepoint.zone", defaultValue = "Asia/Shanghai") String zone) {
        this.format = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of(zone));
    }

    /** The escalation of a breached timer to {@code level} (1 = the timer's own unit). */
    public Plan forBreach(Timer t, int level, Target target, String channel, Instant now) {
        Escalation e = escalation(t.id, t.subjectType, t.subjectId, t.customerId, level, target,
                EscalationReason.BREACH, now);
        String unit = unitName(target);
        String tier = tierLabel(target);
        Object[] args = {label("sla.subject." + t.subjectType), t.subjectId.toString(),
                label("sla.kind." + t.kind), t.rule, format.format(t.dueAt), Integer.toString(level), unit, tier};
        return new Plan(e, notifications(e, target, channel, now,
                Messages.text(CHINESE, "sla.notify.breach", args),
                Messages.text(CHINESE, "sla.notify.breachInfo", args)));
    }

    /** A direct escalation (total outage, assurance period, a customer's complaint, …) to {@code level}. */
    public Plan forReason(SubjectType subjectType, UUID subjectId, UUID customerId, EscalationReason reason,
                          int level, Target target, String channel, Instant now) {
        Escalation e = escalation(null, subjectType, subjectId, customerId, level, target, reason, now);
        Object[] args = {label("sla.subject." + subjectType), subjectId.toString(), label("sla.reason." + reason),
                unitName(target), tierLabel(target)};
        return new Plan(e, notifications(e, target, channel, now,
                Messages.text(CHINESE, "sla.notify.escalate", args),
                Messages.text(CHINESE, "sla.notify.escalateInfo", args)));
    }

    private static Escalation escalation(UUID timerId, SubjectType subjectType, UUID subjectId, UUID customerId,
                                         int level, Target target, EscalationReason reason, Instant now) {
        Escalation e = new Escalation();
        e.id = Uuids.timeOrdered(now);
        e.timerId = timerId;
        e.subjectType = subjectType;
        e.subjectId = subjectId;
        e.customerId = customerId;
        e.level = level;
        e.tier = target.tier();
        e.unitId = target.unitId();
        e.reason = reason;
        e.escalatedAt = now;
        return e;
    }

    private static List<Notification> notifications(Escalation e, Target target, String channel, Instant now,
                                                    String actText, String infoText) {
        List<Notification> out = new ArrayList<>();
        Set<UUID> told = new LinkedHashSet<>();
        for (UUID supervisor : target.supervisors()) {
            add(out, told, e, supervisor, Role.SUPERVISOR, channel, actText, now);
        }
        add(out, told, e, target.cceId(), Role.CHIEF_CUSTOMER_ENGINEER, channel, actText, now);
        add(out, told, e, target.cmId(), Role.CUSTOMER_MANAGER, channel, infoText, now);
        return out;
    }

    private static void add(List<Notification> out, Set<UUID> told, Escalation e, UUID person, Role role,
                            String channel, String text, Instant now) {
        if (person == null || !told.add(person)) {
            return;
        }
        Notification n = new Notification();
        n.id = Uuids.timeOrdered(now);
        n.escalationId = e.id;
        n.recipientId = person;
        n.role = role;
        n.channel = channel;
        n.text = text;
        n.subjectType = e.subjectType;
        n.subjectId = e.subjectId;
        n.createdAt = now;
        out.add(n);
    }

    private static String unitName(Target t) {
        return t.unitName() != null ? t.unitName() : label("sla.notify.noUnit");
    }

    private static String tierLabel(Target t) {
        return t.tier() != null ? label("sla.tier." + t.tier()) : "-";
    }

    /** Labels (kind, subject, tier, reason names) are fixed: rendered once, not once per breach. */
    private static final Map<String, String> LABELS = new ConcurrentHashMap<>();

    private static String label(String key) {
        return LABELS.computeIfAbsent(key, k -> Messages.text(CHINESE, k));
    }
}
