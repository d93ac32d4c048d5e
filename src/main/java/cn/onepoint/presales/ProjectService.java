package cn.onepoint.presales;

import cn.onepoint.auth.ScopedReads;
import cn.onepoint.common.Commands;
import cn.onepoint.common.DomainException;
import cn.onepoint.common.FieldErrors;
import cn.onepoint.common.Ids;
import cn.onepoint.common.Numbers;
import cn.onepoint.common.PageParams;
import cn.onepoint.common.Paging;
import cn.onepoint.common.Paging.Page;
import cn.onepoint.common.Query;
import cn.onepoint.common.Versions;
import cn.onepoint.directory.Person;
import cn.onepoint.directory.Role;
import cn.onepoint.feed.Outbox;
import cn.onepoint.presales.dto.CreateProjectRequest;
import cn.onepoint.presales.dto.ProjectView;
import cn.onepoint.presales.dto.RequirementDocumentRequest;
import cn.onepoint.presales.dto.StepRequest;
import cn.onepoint.sla.SubjectType;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * S4: pre-sales projects and their steps. Which step may follow which lives in {@link ProjectStep}; the rules that
 * refuse a move (the customer-confirmed requirement document, a passed resource check) live here. One transaction
 * per command: the change, its history row and its feed event.
 */
@ApplicationScoped
public class ProjectService {

    static final String CREATE = "ProjectCreateEvent";
    static final String STATE_CHANGE = "ProjectStateChangeEvent";
    static final String ATTRIBUTE_CHANGE = "ProjectAttributeValueChangeEvent";

    private static final Map<String, String> SORTS = Map.of("createdAt", "createdAt", "number", "number",
            "updatedAt", "updatedAt", "name", "name");

    private final PresalesSupport support;
    private final Numbers numbers;
    private final ScopedReads scoped;

    public ProjectService(PresalesSupport support, Numbers numbers, ScopedReads scoped) {
        this.support = support;
        this.numbers = numbers;
        this.scoped = scoped;
    }

    @WithTransaction
    public Uni<ProjectView> create(CreateProjectRequest b) {
        FieldErrors errors = new FieldErrors();
        UUID customerId = errors.uuid("customerId", b.customerId());
        UUID ceId = errors.uuid("personId", b.personId());
        UUID cmId = errors.uuid("customerManagerId", b.customerManagerId());
        return PresalesSupport.customer(errors, "customerId", customerId)
                .chain(() -> PresalesSupport.people(errors, PresalesSupport.refs("personId", ceId,
                        "customerManagerId", cmId)))
                .chain(people -> {
                    errors.throwIfAny();
                    // S4 项目承接: a (chief) customer engineer takes on the support a (chief) customer manager asked for.
                    PresalesSupport.requireActorRole(people.get("personId"), "S4", Role.CUSTOMER_ENGINEER,
                            Role.CHIEF_CUSTOMER_ENGINEER);
                    PresalesSupport.requireRole(people.get("customerManagerId"), "S4", Role.CUSTOMER_MANAGER,
                            Role.CHIEF_CUSTOMER_MANAGER);
                    return numbers.next("PJ");
                })
                .chain(number -> {
                    Instant now = support.now();
                    Project p = new Project();
                    p.id = UUID.randomUUID();
                    p.number = number;
                    p.name = b.name();
                    p.customerId = customerId;
                    p.customerEngineerId = ceId;
                    p.customerManagerId = cmId;
                    p.description = b.description();
                    p.step = ProjectStep.INTAKE;
                    p.createdAt = now;
                    p.updatedAt = now;
                    return p.<Project>persist()
                            .chain(() -> support.history(SubjectType.PROJECT, p.id, "create", ceId, null,
                                    p.step.wire(), p.name))
                            .chain(() -> publish(p, CREATE));
                });
    }

    /** S4: the next step; {@link ProjectStep#moveTo} says which may follow, the rules below what must be done first. */
    @WithTransaction
    public Uni<ProjectView> step(UUID id, StepRequest b, String ifMatch) {
        UUID actorId = Ids.ref("person", b.personId());
        if (b.step() == ProjectStep.CANCELLED && (b.note() == null || b.note().isBlank())) {
            throw FieldErrors.single("note", "s4.cancelReason");
        }
        return act(id, ifMatch, actorId, p -> p.step.moveTo(b.step()), p -> {
            ProjectStep target = b.step();
            Uni<Void> rule = switch (target) {
                // S4: the survey ends with the requirement document confirmed by the customer (取得客户确认).
                case ISSUE_MANAGEMENT -> p.documentConfirmedAt != null ? Uni.createFrom().voidItem()
                        : Uni.createFrom().failure(DomainException.rule("S4", "s4.documentNotConfirmed"));
                // S4: the technical solution is drawn up on the resources checked (结合…资源情况).
                case TECHNICAL_SOLUTION -> requireResourceCheckPassed(p);
                default -> Uni.createFrom().voidItem();
            };
            return rule.map(v -> {
                Instant now = support.now();
                p.step = target;
                if (target == ProjectStep.COMPLETED) {
                    p.completedAt = now;
                } else if (target == ProjectStep.CANCELLED) {
                    p.cancelledAt = now;
                }
                return b.note();
            });
        }, b.step().wire());
    }

    /** S4: the requirement document of the survey step, and the customer's confirmation of it. */
    @WithTransaction
    public Uni<ProjectView> requirementDocument(UUID id, RequirementDocumentRequest b, String ifMatch) {
        UUID actorId = Ids.ref("person", b.personId());
        boolean confirmed = b.customerConfirmed();
        if (confirmed && (b.customerContact() == null || b.customerContact().isBlank())) {
            throw FieldErrors.single("customerContact", "s4.contactRequired");
        }
        return act(id, ifMatch, actorId, p -> p.step.check(ProjectStep.REQUIREMENT_DOCUMENT), p -> {
            Instant now = support.now();
            p.documentReference = b.reference();
            p.documentSummary = b.summary();
            p.documentRecordedBy = actorId;
            p.documentRecordedAt = now;
            p.documentConfirmedAt = confirmed ? now : null;
            p.documentCustomerContact = confirmed ? b.customerContact() : null;
            return Uni.createFrom().item(b.reference() + (confirmed ? ", confirmed by " + b.customerContact()
                    : ", not yet confirmed by the customer"));
        }, ProjectStep.REQUIREMENT_DOCUMENT);
    }

    /** A project the caller may see (PresalesScope), else 404; its history is read through it. */
    @WithSession
    public Uni<Project> get(UUID id) {
        return scoped.find(Project.class, id, "project", PresalesScope::project);
    }

    public record Filter(List<String> step, String customerId, String customerEngineerId, String sort) {
    }

    @WithSession
    public Uni<Page<Project>> list(Filter f, PageParams page) {
        FieldErrors errors = new FieldErrors();
        List<ProjectStep> steps = errors.enums("step", f.step(), ProjectStep.class);
        UUID customer = errors.uuid("customerId", f.customerId());
        UUID engineer = errors.uuid("customerEngineerId", f.customerEngineerId());
        String order = PresalesSupport.order(errors, f.sort(), SORTS);
        errors.throwIfAny();
        Query q = new Query().in("step", steps).eq("customerId", customer).eq("customerEngineerId", engineer)
                .orderBy(order);
        scoped.restrict(q, PresalesScope::project);
        return Paging.fetch(q, page, (w, p) -> Project.count(w, p), (w, p) -> Project.find(w, p));
    }

    /**
     * S4: the resource check has passed when the project has requirement orders (S1) and every one not withdrawn is
     * answered AVAILABLE and has not expired.
     */
    private static Uni<Void> requireResourceCheckPassed(Project p) {
        return Requirement.<Requirement>list("projectId = ?1 and status <> ?2 order by createdAt", p.id,
                        RequirementStatus.CANCELLED)
                .chain(rs -> PresalesSupport.breached(rs.stream().map(r -> r.validityTimerId).toList()).map(expired -> {
                    if (rs.isEmpty()) {
                        throw DomainException.rule("S4", "s4.noRequirement");
                    }
                    List<String> failing = rs.stream()
                            .filter(r -> r.status != RequirementStatus.ANSWERED || r.result != CheckAnswer.AVAILABLE
                                    || expired.contains(r.validityTimerId))
                            .map(r -> r.number + " " + (expired.contains(r.validityTimerId) ? "expired"
                                    : r.result != null ? r.result.name() : r.status.wire()))
                            .toList();
                    if (!failing.isEmpty()) {
                        throw DomainException.rule("S4", "s4.resourceCheckNotPassed", String.join("; ", failing));
                    }
                    return null;
                }));
    }

    /**
     * Loads the project, checks If-Match and the step ({@code allowed}: a 409 when not), then that the actor is a
     * (chief) customer engineer (S4: the CE team carries the pre-sales steps), applies the change, then writes the
     * history row and the feed event.
     */
    private Uni<ProjectView> act(UUID id, String ifMatch, UUID actorId, Consumer<Project> allowed,
                                 Function<Project, Uni<String>> change, String action) {
        return Commands.lock(Project.class, id, "project")
                .chain(p -> {
                    Versions.check(ifMatch, p.version);
                    allowed.accept(p);
                    ProjectStep from = p.step;
                    return support.person(actorId, "personId").chain(actor -> {
                        requireEngineer(actor);
                        return change.apply(p).chain(detail -> {
                            p.updatedAt = support.now();
                            return support.history(SubjectType.PROJECT, p.id, action, actor.id, from.wire(),
                                            p.step.wire(), detail)
                                    .chain(() -> publish(p, from != p.step ? STATE_CHANGE : ATTRIBUTE_CHANGE));
                        });
                    });
                });
    }

    private static void requireEngineer(Person p) {
        PresalesSupport.requireActorRole(p, "S4", Role.CUSTOMER_ENGINEER, Role.CHIEF_CUSTOMER_ENGINEER);
    }

    private Uni<ProjectView> publish(Project p, String eventType) {
        return Panache.flush().map(v -> ProjectView.of(p))
                .call(v -> support.event(eventType, SubjectType.PROJECT, p.id, null,
                        new Outbox.Scope(p.customerId, null, null), v));
    }
}
