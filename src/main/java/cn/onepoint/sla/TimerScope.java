package cn.onepoint.sla;

import cn.onepoint.auth.Scope;
import cn.onepoint.auth.ScopedReads;
import cn.onepoint.common.Query;
import cn.onepoint.directory.Tier;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Scoping of the timers (docs/security.md, "Scoping"): a timer is visible when its subject is (the predicate the
 * subject's feature publishes as a {@link TimedSubject}), or when the timer's own unit, or for a PROVINCE caller
 * its province, is in the caller's scope. Outside it, a timer is 404.
 */
@ApplicationScoped
public class TimerScope {

    private final ScopedReads scoped;
    private final Map<SubjectType, TimedSubject> subjects = new EnumMap<>(SubjectType.class);

    public TimerScope(ScopedReads scoped, Instance<TimedSubject> published) {
        this.scoped = scoped;
        published.forEach(s -> subjects.put(s.type(), s));
    }

    /** JPQL on Timer. The subject predicates sit in subqueries, where their unqualified names mean the subject. */
    String involves(Scope scope) {
        List<String> parts = new ArrayList<>();
        parts.add(scope.unitIn("unitId"));
        if (scope.tier() == Tier.PROVINCE) {
            parts.add("province = :scopeProvince");
        }
        subjects.values().forEach(s -> parts.add("(subjectType = " + SubjectType.class.getName() + "." + s.type().name()
                + " and subjectId in (select sx.id from " + s.entity() + " sx where " + s.involves().apply(scope) + "))"));
        return "(" + String.join(" or ", parts) + ")";
    }

    /** Restricts a timer list to the caller's scope. */
    public Query restrict(Query q) {
        return scoped.restrict(q, this::involves);
    }

    /** The timer, or 404 when there is none or it lies outside the caller's scope. */
    public Uni<Timer> find(UUID id) {
        return scoped.find(Timer.class, id, "timer", this::involves);
    }

    /**
     * Nothing, or 404 when the subject does not exist or lies outside the caller's scope (a subject type no feature
     * publishes is not checked).
     */
    public Uni<Void> subjectVisible(SubjectType type, UUID subjectId) {
        TimedSubject s = subjects.get(type);
        return s == null ? Uni.createFrom().voidItem() : scoped.exists(subjectId, s.entity(), s.resource(), s.involves());
    }
}
