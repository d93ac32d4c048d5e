package cn.onepoint.sla;

import cn.onepoint.common.Messages;
import cn.onepoint.directory.Role;
import cn.onepoint.directory.Tier;
import cn.onepoint.notify.Notification;
import cn.onepoint.notify.Notifications;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
    private final Notifications notifications;

    public EscalationPlanner(@ConfigProperty(name = "onepoint.zone", defaultValue = "Asia/Shanghai") String zone,
                             Notifications notifications) {
        this.notifications = notifications;
        this.format = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of(zone));
    }

    /** The escalation of a breached timer to {@code level} (1 = the timer's own unit). */
    public Plan forBreach(Timer t, int level, Target target, Instant now) {
        Escalation e = escalation(t.id, t.subjectType, t.subjectId, t.customerId, level, target,
                EscalationReason.BREACH, now);
        String unit = unitName(target);
        String tier = tierLabel(target);
        Object[] args = {label("sla.subject." + t.subjectType), t.subjectId.toString(),
                label("sla.kind." + t.kind), t.rule, format.format(t.dueAt), Integer.toString(level), unit, tier};
        return new Plan(e, notifications(e, target, now,
                Messages.text(CHINESE, "sla.notify.breach", args),
                Messages.text(CHINESE, "sla.notify.breachInfo", args)));
    }

    /** A direct escalation (total outage, assurance period, a customer's complaint, …) to {@code level}. */
    public Plan forReason(SubjectType subjectType, UUID subjectId, UUID customerId, EscalationReason reason,
                          int level, Target target, Instant now) {
        Escalation e = escalation(null, subjectType, subjectId, customerId, level, target, reason, now);
        Object[] args = {label("sla.subject." + subjectType), subjectId.toString(), label("sla.reason." + reason),
                unitName(target), tierLabel(target)};
        return new Plan(e, notifications(e, target, now,
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

    private List<Notification> notifications(Escalation e, Target target, Instant now, String actText,
                                             String infoText) {
        List<Notifications.Recipient> to = new ArrayList<>();
        target.supervisors().forEach(s -> to.add(new Notifications.Recipient(s, Role.SUPERVISOR)));
        to.add(new Notifications.Recipient(target.cceId(), Role.CHIEF_CUSTOMER_ENGINEER));
        List<Notification> out = new ArrayList<>(notifications.messages(to, actText, e.subjectType, e.subjectId, now));
        // the CM is told for information (a different text), unless already told as one of the above
        if (target.cmId() != null && out.stream().noneMatch(n -> n.recipientId.equals(target.cmId()))) {
            out.add(notifications.message(target.cmId(), Role.CUSTOMER_MANAGER, infoText, e.subjectType, e.subjectId,
                    e.id, now));
        }
        out.forEach(n -> n.escalationId = e.id);
        return out;
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
