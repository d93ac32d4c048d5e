package cn.onepoint.presales;

import cn.onepoint.auth.ScopedReads;
import cn.onepoint.common.DomainException;
import cn.onepoint.common.FieldErrors;
import cn.onepoint.common.PageParams;
import cn.onepoint.common.Paging;
import cn.onepoint.common.Paging.Page;
import cn.onepoint.common.Query;
import cn.onepoint.common.Versions;
import cn.onepoint.directory.Person;
import cn.onepoint.directory.Role;
import cn.onepoint.feed.Outbox;
import cn.onepoint.presales.dto.CreateIssueRequest;
import cn.onepoint.presales.dto.IssueItemView;
import cn.onepoint.presales.dto.IssuePatch;
import cn.onepoint.sla.SubjectType;
import cn.onepoint.sla.TimerKind;
import cn.onepoint.sla.TimerService;
import cn.onepoint.sla.TimerSpec;
import cn.onepoint.sla.TimerState;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * S3: the issue management table 问题管理表 of a project: description, target, due time, owner, status, kept up to
 * date throughout, every change in the history. Each item's due time is an ISSUE_ITEM timer; the engine breaching it
 * is what flags the item overdue.
 */
@ApplicationScoped
public class IssueService {

    static final String CREATE = "IssueItemCreateEvent";
    static final String STATE_CHANGE = "IssueItemStateChangeEvent";
    static final String ATTRIBUTE_CHANGE = "IssueItemAttributeValueChangeEvent";

    private static final Map<String, String> SORTS = Map.of("seq", "seq", "dueAt", "dueAt", "createdAt", "createdAt",
            "updatedAt", "updatedAt");

    private final PresalesSupport support;
    private final TimerService timers;
    private final ScopedReads scoped;

    public IssueService(PresalesSupport support, TimerService timers, ScopedReads scoped) {
        this.support = support;
        this.timers = timers;
        this.scoped = scoped;
    }

    public record Filter(List<String> status, String ownerId, String overdue, String sort) {
    }

    @WithTransaction
    public Uni<IssueItemView> create(UUID projectId, CreateIssueRequest b) {
        FieldErrors errors = new FieldErrors();
        UUID actorId = errors.uuid("personId", b.personId());
        UUID ownerId = errors.uuid("ownerId", b.ownerId());
        Instant now = support.now();
        if (!b.dueAt().isAfter(now)) {
            errors.add("dueAt", "s3.dueNotInFuture", now);
        }
        // Locked: the next line number of the table is taken by one writer at a time.
        return Project.<Project>findById(projectId, LockModeType.PESSIMISTIC_WRITE).onItem().ifNull()
                .failWith(() -> DomainException.notFound("project", projectId))
                .chain(p -> {
                    requireOpen(p);
                    return PresalesSupport.people(errors, PresalesSupport.refs("personId", actorId, "ownerId", ownerId))
                            .chain(people -> {
                                errors.throwIfAny();
                                // S3: the (chief) customer engineer draws up the table (牵头制定问题管理表).
                                PresalesSupport.requireActorRole(people.get("personId"), "S3", Role.CUSTOMER_ENGINEER,
                                        Role.CHIEF_CUSTOMER_ENGINEER);
                                return IssueItem.count("projectId", p.id);
                            })
                            .chain(count -> {
                                IssueItem i = new IssueItem();
                                i.id = UUID.randomUUID();
                                i.projectId = p.id;
                                i.seq = count.intValue() + 1;
                                i.description = b.description();
                                i.target = b.target();
                                i.dueAt = b.dueAt();
                                i.ownerId = ownerId;
                                i.status = IssueStatus.OPEN;
                                i.createdBy = actorId;
                                i.createdAt = now;
                                i.updatedAt = now;
                                return i.<IssueItem>persist()
                                        .chain(() -> watch(i, p))
                                        .chain(() -> support.history(SubjectType.ISSUE_ITEM, i.id, "create", actorId,
                                                null, i.status.wire(), "#" + i.seq + " due " + i.dueAt + " owner " + ownerId))
                                        .chain(() -> publish(i, p, CREATE));
                            });
                });
    }

    /** S3: an update (PATCH); the status moves as {@link IssueStatus} allows, every change goes in the history. */
    @WithTransaction
    public Uni<IssueItemView> update(UUID projectId, UUID id, IssuePatch b, String ifMatch) {
        FieldErrors errors = new FieldErrors();
        UUID actorId = errors.uuid("personId", b.personId());
        UUID ownerId = errors.uuid("ownerId", b.ownerId());
        Instant now = support.now();
        if (b.dueAt() != null && !b.dueAt().isAfter(now)) {
            errors.add("dueAt", "s3.dueNotInFuture", now);
        }
        if (b.description() == null && b.target() == null && b.dueAt() == null && b.ownerId() == null
                && b.status() == null && (b.note() == null || b.note().isBlank())) {
            errors.add("status", "s3.nothingToChange");
        }
        return load(project(projectId), id).chain(found -> {
            Project p = found.project();
            IssueItem i = found.item();
            Versions.check(ifMatch, i.version);
            IssueStatus from = i.status;
            IssueStatus to = i.status.check(b.status());
            return PresalesSupport.people(errors, PresalesSupport.refs("personId", actorId, "ownerId", ownerId))
                    .chain(people -> {
                        errors.throwIfAny();
                        requireEditor(people.get("personId"), i);
                        List<String> changes = new ArrayList<>();
                        change(changes, "description", i.description, b.description(), v -> i.description = v);
                        change(changes, "target", i.target, b.target(), v -> i.target = v);
                        change(changes, "owner", i.ownerId, ownerId, v -> i.ownerId = v);
                        boolean moved = b.dueAt() != null && !b.dueAt().equals(i.dueAt);
                        change(changes, "dueAt", i.dueAt, b.dueAt(), v -> i.dueAt = v);
                        if (to != from) {
                            changes.add("status " + from.wire() + " → " + to.wire());
                        }
                        if (b.note() != null && !b.note().isBlank()) {
                            changes.add(b.note());
                        }
                        i.status = to;
                        i.updatedAt = now;
                        Uni<?> timer;
                        if (to == IssueStatus.RESOLVED) {
                            i.resolvedAt = now;
                            // S3: solved: the clock stops (met in time; a late one stays breached, and flagged).
                            timer = timers.stop(SubjectType.ISSUE_ITEM, i.id, TimerKind.ISSUE_ITEM);
                        } else if (to == IssueStatus.CANCELLED) {
                            timer = timers.cancelAll(SubjectType.ISSUE_ITEM, i.id);
                        } else if (moved) {
                            // A new due time is not the old one met: that timer is cancelled, a new one watches.
                            timer = timers.cancelAll(SubjectType.ISSUE_ITEM, i.id).chain(() -> Panache.flush())
                                    .chain(() -> watch(i, p));
                        } else {
                            timer = Uni.createFrom().voidItem();
                        }
                        return timer.chain(() -> support.history(SubjectType.ISSUE_ITEM, i.id, "update",
                                        actorId, from.wire(), to.wire(), String.join("; ", changes)))
                                .chain(() -> publish(i, p, from != to ? STATE_CHANGE : ATTRIBUTE_CHANGE));
                    });
        });
    }

    @WithSession
    public Uni<IssueItemView> get(UUID projectId, UUID id) {
        return load(visibleProject(projectId), id).chain(f -> view(f.item()));
    }

    @WithSession
    public Uni<Page<IssueItemView>> list(UUID projectId, Filter f, PageParams page) {
        FieldErrors errors = new FieldErrors();
        List<IssueStatus> statuses = errors.enums("status", f.status(), IssueStatus.class);
        UUID owner = errors.uuid("ownerId", f.ownerId());
        Boolean overdue = PresalesSupport.flag(errors, "overdue", f.overdue());
        String order = PresalesSupport.order(errors, f.sort(), SORTS, "seq asc, id");
        errors.throwIfAny();
        Query q = new Query().eq("projectId", projectId).in("status", statuses).eq("ownerId", owner).orderBy(order);
        if (overdue != null) {
            String clause = PresalesSupport.breachedClause("timerId", "breached");
            q.where(overdue ? clause : "not " + clause, "breached", TimerState.breached);
        }
        return visibleProject(projectId)
                .chain(() -> Paging.<IssueItem>fetch(q, page, (w, p) -> IssueItem.count(w, p), (w, p) -> IssueItem.find(w, p)))
                .chain(p -> PresalesSupport.breached(p.items().stream().map(i -> i.timerId).toList())
                        .map(breached -> p.map(i -> IssueItemView.of(i, breached.contains(i.timerId)))));
    }

    /** The item, which must be of that project (else not found), for reading its history and timers. */
    @WithSession
    public Uni<IssueItem> item(UUID projectId, UUID id) {
        return load(visibleProject(projectId), id).map(Found::item);
    }

    private record Found(Project project, IssueItem item) {
    }

    private static Uni<Project> project(UUID projectId) {
        return Project.<Project>findById(projectId).onItem().ifNull()
                .failWith(() -> DomainException.notFound("project", projectId));
    }

    /**
     * Reads: the project, which the caller must see (else 404). An item is seen as its project is (PresalesScope), so
     * this is the scope of every item of the table, of their history and of their timers.
     */
    private Uni<Project> visibleProject(UUID projectId) {
        return scoped.find(Project.class, projectId, "project", PresalesScope::project);
    }

    private static Uni<Found> load(Uni<Project> project, UUID id) {
        return project
                .chain(p -> IssueItem.<IssueItem>findById(id).map(i -> {
                    if (i == null || !i.projectId.equals(p.id)) {
                        throw DomainException.notFound("issue item", id);
                    }
                    return new Found(p, i);
                }));
    }

    /** S3: issues are kept in every step of a project (发现的问题…实时更新), not on a cancelled one. */
    private static void requireOpen(Project p) {
        if (!p.step.open()) {
            throw DomainException.stateConflict(p.step.wire(), p.step.allowedActions(), "issues");
        }
    }

    /** S3: the (chief) customer engineer keeps the table; an owner reports on their own item. */
    private static void requireEditor(Person p, IssueItem i) {
        if (!p.id.equals(i.ownerId)) {
            PresalesSupport.requireActorRole(p, "S3", Role.CUSTOMER_ENGINEER, Role.CHIEF_CUSTOMER_ENGINEER);
        }
    }

    /**
     * S3: the item's due time is watched by the engine. No unit: the engine's escalation of a breach then goes to the
     * customer's chief customer engineer (who leads the table) and customer manager, without climbing the tiers.
     */
    private Uni<Void> watch(IssueItem i, Project p) {
        return timers.start(TimerSpec.of(TimerKind.ISSUE_ITEM, SubjectType.ISSUE_ITEM, i.id).withDueAt(i.dueAt)
                        .withScope(null, p.customerId, null))
                .invoke(t -> i.timerId = t.id).replaceWithVoid();
    }

    private static <T> void change(List<String> changes, String name, T old, T value, Consumer<T> set) {
        if (value != null && !Objects.equals(old, value)) {
            changes.add(name + " " + old + " → " + value);
            set.accept(value);
        }
    }

    private static Uni<IssueItemView> view(IssueItem i) {
        return PresalesSupport.breached(List.of(i.timerId)).map(b -> IssueItemView.of(i, b.contains(i.timerId)));
    }

    private Uni<IssueItemView> publish(IssueItem i, Project p, String eventType) {
        return Panache.flush().chain(() -> view(i))
                .call(v -> support.event(eventType, SubjectType.ISSUE_ITEM, i.id, p.id,
                        new Outbox.Scope(p.customerId, null, null), v));
    }
}
