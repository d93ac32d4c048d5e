package cn.onepoint.presales;

import cn.onepoint.auth.ScopedReads;
import cn.onepoint.common.FieldErrors;
import cn.onepoint.common.PageParams;
import cn.onepoint.common.Paging;
import cn.onepoint.common.Paging.Page;
import cn.onepoint.common.Query;
import cn.onepoint.presales.dto.RequirementView;
import cn.onepoint.sla.TimerState;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** The read side of requirement orders: one, a filtered page, each with its checks and whether it has expired. */
@ApplicationScoped
public class RequirementQueries {

    private static final Map<String, String> SORTS = Map.of("createdAt", "createdAt", "requiredDate", "requiredDate",
            "number", "number", "updatedAt", "updatedAt", "validUntil", "validUntil");

    private final ScopedReads scoped;

    public RequirementQueries(ScopedReads scoped) {
        this.scoped = scoped;
    }

    public record Filter(List<String> kind, List<String> status, String customerId, String projectId,
                         String requestedBy, String expired, String sort) {
    }

    /** A requirement the caller may see (PresalesScope), else 404; its checks, history and timers are read through it. */
    @WithSession
    public Uni<Requirement> get(UUID id) {
        return scoped.find(Requirement.class, id, "requirement", PresalesScope::requirement);
    }

    @WithSession
    public Uni<RequirementView> view(UUID id) {
        return get(id).chain(RequirementQueries::view);
    }

    @WithSession
    public Uni<Page<RequirementView>> list(Filter f, PageParams page) {
        FieldErrors errors = new FieldErrors();
        List<RequirementKind> kinds = errors.enums("kind", f.kind(), RequirementKind.class);
        List<RequirementStatus> statuses = errors.enums("status", f.status(), RequirementStatus.class);
        UUID customer = errors.uuid("customerId", f.customerId());
        UUID project = errors.uuid("projectId", f.projectId());
        UUID requester = errors.uuid("requestedBy", f.requestedBy());
        Boolean expired = PresalesSupport.flag(errors, "expired", f.expired());
        String order = PresalesSupport.order(errors, f.sort(), SORTS);
        errors.throwIfAny();
        Query q = new Query().in("kind", kinds).in("status", statuses).eq("customerId", customer)
                .eq("projectId", project).eq("requestedBy", requester).orderBy(order);
        if (expired != null) {
            // S1: expired is the validity timer's breach, as the engine recorded it.
            String clause = PresalesSupport.breachedClause("validityTimerId", "breached");
            q.where(expired ? clause : "not " + clause, "breached", TimerState.breached);
        }
        scoped.restrict(q, PresalesScope::requirement);
        return Paging.<Requirement>fetch(q, page, (w, p) -> Requirement.count(w, p), (w, p) -> Requirement.find(w, p))
                .chain(p -> views(p.items()).map(views -> new Page<>(views, p.total())));
    }

    @WithSession
    public Uni<List<ResourceCheck>> checks(UUID id) {
        return get(id).chain(r -> ResourceCheck.list("requirementId = ?1 order by round, segment", id));
    }

    /** The view of one requirement as it is in the current session (inside a command: after its change). */
    static Uni<RequirementView> view(Requirement r) {
        return views(List.of(r)).map(l -> l.get(0));
    }

    /** Views of several requirements with two queries: their checks, and which validity timers are breached. */
    static Uni<List<RequirementView>> views(List<Requirement> rs) {
        if (rs.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<UUID> ids = rs.stream().map(r -> r.id).toList();
        return ResourceCheck.<ResourceCheck>list("requirementId in ?1 order by round, segment", ids)
                .chain(checks -> PresalesSupport.breached(rs.stream().map(r -> r.validityTimerId).toList())
                        .map(breached -> {
                            Map<UUID, List<ResourceCheck>> by = checks.stream()
                                    .collect(Collectors.groupingBy(c -> c.requirementId));
                            return rs.stream().map(r -> RequirementView.of(r, by.getOrDefault(r.id, List.of()),
                                    breached.contains(r.validityTimerId))).toList();
                        }));
    }
}
