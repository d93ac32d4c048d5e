package cn.onepoint.presales;

import cn.onepoint.common.DomainException;
import cn.onepoint.common.FieldErrors;
import cn.onepoint.common.Ids;
import cn.onepoint.common.Numbers;
import cn.onepoint.common.Versions;
import cn.onepoint.directory.Customer;
import cn.onepoint.directory.Person;
import cn.onepoint.directory.Role;
import cn.onepoint.feed.Outbox;
import cn.onepoint.presales.dto.AnswerRequest;
import cn.onepoint.presales.dto.CheckEndBody;
import cn.onepoint.presales.dto.CreateRequirementRequest;
import cn.onepoint.presales.dto.RequirementView;
import cn.onepoint.sla.SlaPolicy;
import cn.onepoint.sla.SubjectType;
import cn.onepoint.sla.TimerKind;
import cn.onepoint.sla.TimerService;
import cn.onepoint.sla.TimerSpec;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * S1: requirement orders 业务需求单 and their per-segment resource checks 资源核查: who may issue and answer them,
 * the second check 二次核查 after a negative answer, and the month of validity after the last answer. Every command
 * is one transaction: the change, its history row, its timer and its feed event commit together or not at all.
 */
@ApplicationScoped
public class RequirementService {

    static final String CREATE = "RequirementCreateEvent";
    static final String STATE_CHANGE = "RequirementStateChangeEvent";
    static final String ATTRIBUTE_CHANGE = "RequirementAttributeValueChangeEvent";

    private final PresalesSupport support;
    private final Numbers numbers;
    private final TimerService timers;
    private final SlaPolicy policy;

    public RequirementService(PresalesSupport support, Numbers numbers, TimerService timers, SlaPolicy policy) {
        this.support = support;
        this.numbers = numbers;
        this.timers = timers;
        this.policy = policy;
    }

    @WithTransaction
    public Uni<RequirementView> create(CreateRequirementRequest b) {
        FieldErrors errors = new FieldErrors();
        UUID customerId = errors.uuid("customerId", b.customerId());
        UUID projectId = errors.uuid("projectId", b.projectId());
        UUID requesterId = errors.uuid("requestedBy", b.requestedBy());
        UUID aUnit = errors.uuid("aEnd.unitId", b.aEnd().unitId());
        UUID zUnit = b.zEnd() == null ? null : errors.uuid("zEnd.unitId", b.zEnd().unitId());
        UUID backbone = errors.uuid("backboneUnitId", b.backboneUnitId());
        Instant now = support.now();
        LocalDate today = LocalDate.ofInstant(now, support.zone());
        if (b.requiredDate().isBefore(today)) {
            errors.add("requiredDate", "field.beforeToday", today);
        }
        Customer[] customer = new Customer[1];
        return PresalesSupport.customer(errors, "customerId", customerId).invoke(c -> customer[0] = c)
                .chain(() -> projectId == null ? Uni.createFrom().<Project>nullItem() : Project.<Project>findById(projectId))
                .invoke(p -> {
                    if (projectId != null && p == null) {
                        errors.add("projectId", "field.unknownProject", projectId);
                    } else if (p != null && customer[0] != null && !p.customerId.equals(customer[0].id)) {
                        errors.add("projectId", "field.mismatch", "customerId");
                    }
                })
                .chain(() -> PresalesSupport.units(errors, PresalesSupport.refs("aEnd.unitId", aUnit, "zEnd.unitId", zUnit,
                        "backboneUnitId", backbone)))
                .chain(() -> PresalesSupport.people(errors, PresalesSupport.refs("requestedBy", requesterId)))
                .chain(people -> {
                    errors.throwIfAny();
                    Person cm = people.get("requestedBy");
                    // S1: the (chief) customer manager issues the requirement order (下达业务需求单).
                    PresalesSupport.requireActorRole(cm, "S1", Role.CUSTOMER_MANAGER, Role.CHIEF_CUSTOMER_MANAGER);
                    return numbers.next("RQ").chain(number -> {
                        Requirement r = new Requirement();
                        r.id = UUID.randomUUID();
                        r.number = number;
                        r.kind = b.kind();
                        r.status = RequirementStatus.CHECKING;
                        r.customerId = customerId;
                        r.projectId = projectId;
                        r.businessType = b.businessType();
                        r.bandwidth = b.bandwidth();
                        r.requiredDate = b.requiredDate();
                        r.requestedBy = cm.id;
                        r.unitId = cm.unitId;
                        r.description = b.description();
                        r.aEnd = end(b.aEnd(), aUnit);
                        r.zEnd = b.zEnd() == null ? null : end(b.zEnd(), zUnit);
                        r.backboneUnitId = backbone;
                        r.round = 1;
                        r.createdAt = now;
                        r.updatedAt = now;
                        List<ResourceCheck> checks = new ArrayList<>();
                        checks.add(check(r, 1, CheckSegment.A_ACCESS, aUnit, now));
                        if (backbone != null) {
                            checks.add(check(r, 1, CheckSegment.BACKBONE, backbone, now));
                        }
                        if (zUnit != null) {
                            checks.add(check(r, 1, CheckSegment.Z_ACCESS, zUnit, now));
                        }
                        return r.<Requirement>persist()
                                .chain(() -> ResourceCheck.persist(checks))
                                .chain(() -> support.history(SubjectType.REQUIREMENT, r.id, "create", cm.id, null,
                                        r.status.wire(), r.kind + " " + r.businessType + " " + r.bandwidth + ", checks: "
                                                + checks.stream().map(c -> c.segment.name()).collect(Collectors.joining(","))))
                                .chain(() -> publish(r, CREATE));
                    });
                });
    }

    /** S1: a segment answers its check; the last answer of a round decides what follows (see {@link #afterAnswer}). */
    @WithTransaction
    public Uni<RequirementView> answer(UUID id, UUID checkId, AnswerRequest b, String ifMatch) {
        UUID actorId = Ids.ref("person", b.personId());
        if (b.earliestDate() != null && b.answer() != CheckAnswer.SCHEDULE_NOT_MET) {
            throw FieldErrors.single("earliestDate", "s1.earliestDateOnlyScheduleNotMet");
        }
        return load(id, ifMatch).chain(r -> {
            r.status.check("answer");
            RequirementStatus from = r.status;
            return ResourceCheck.<ResourceCheck>list("requirementId = ?1 order by round, segment", r.id)
                    .map(ArrayList::new)
                    .chain(checks -> {
                        ResourceCheck c = checks.stream().filter(x -> x.id.equals(checkId)).findFirst()
                                .orElseThrow(() -> DomainException.notFound("resource check", checkId));
                        if (c.answer != null || c.round != r.round) {
                            throw DomainException.conflict("CHECK_ANSWERED", "s1.checkClosed", c.segment, c.round);
                        }
                        return support.person(actorId, "personId").chain(p -> {
                            requireAnswerer(c, p);
                            Instant now = support.now();
                            c.answer = b.answer();
                            c.answeredBy = p.id;
                            c.answeredAt = now;
                            c.earliestDate = b.earliestDate();
                            c.note = b.note();
                            r.updatedAt = now;
                            return afterAnswer(r, checks, now).chain(next -> support.history(SubjectType.REQUIREMENT,
                                            r.id, "answer", p.id, from.wire(), r.status.wire(),
                                            "round " + c.round + " " + c.segment + ": " + c.answer + next))
                                    .chain(() -> publish(r, from != r.status ? STATE_CHANGE : ATTRIBUTE_CHANGE));
                        });
                    });
        });
    }

    /**
     * S1: who answers a check: in round 1 the segment's own unit (its resource management 资源管理部门); the second
     * check is organised by the (chief) customer engineer with the CE team or the project group, so in round 2 a
     * (chief) customer engineer or a project manager.
     */
    private static void requireAnswerer(ResourceCheck c, Person p) {
        if (c.round == 1 && !c.unitId.equals(p.unitId)) {
            throw DomainException.forbidden("S1", "s1.notOfUnit", p.name, c.segment);
        }
        if (c.round > 1) {
            PresalesSupport.requireActorRole(p, "S1", Role.CUSTOMER_ENGINEER, Role.CHIEF_CUSTOMER_ENGINEER,
                    Role.PROJECT_MANAGER);
        }
    }

    /**
     * S1, once a round's last segment has answered: a NOT_AVAILABLE or SCHEDULE_NOT_MET answer in round 1 triggers
     * the second check 二次核查 of those segments (round 2); otherwise every segment has its final answer, and the
     * result is valid for {@code onepoint.sla.resource-check-validity-months} calendar months from now, watched by
     * a RESOURCE_CHECK_VALIDITY timer. Returns what happened, for the history.
     */
    private Uni<String> afterAnswer(Requirement r, List<ResourceCheck> checks, Instant now) {
        List<ResourceCheck> round = checks.stream().filter(c -> c.round == r.round).toList();
        if (round.stream().anyMatch(c -> c.answer == null)) {
            return Uni.createFrom().item("");
        }
        List<ResourceCheck> negative = round.stream().filter(c -> c.answer.negative()).toList();
        if (r.round == 1 && !negative.isEmpty()) {
            r.round = 2;
            r.status = RequirementStatus.SECOND_CHECK;
            List<ResourceCheck> second = negative.stream().map(c -> check(r, 2, c.segment, c.unitId, now)).toList();
            checks.addAll(second);
            return ResourceCheck.persist(second).replaceWith("; second check of "
                    + second.stream().map(c -> c.segment.name()).collect(Collectors.joining(",")));
        }
        Map<CheckSegment, CheckAnswer> last = new EnumMap<>(CheckSegment.class);
        checks.stream().filter(c -> c.answer != null).sorted(Comparator.comparingInt(c -> c.round))
                .forEach(c -> last.put(c.segment, c.answer));
        r.result = last.values().stream().allMatch(a -> a == CheckAnswer.AVAILABLE) ? CheckAnswer.AVAILABLE
                : last.containsValue(CheckAnswer.NOT_AVAILABLE) ? CheckAnswer.NOT_AVAILABLE
                : CheckAnswer.SCHEDULE_NOT_MET;
        r.status = RequirementStatus.ANSWERED;
        r.answeredAt = now;
        r.validUntil = now.atZone(support.zone()).plusMonths(policy.resourceCheckValidityMonths()).toInstant();
        // No unit: an expiry is not a unit's failure; the engine tells the customer's CCE and CM (T13 first tier only).
        return timers.start(TimerSpec.of(TimerKind.RESOURCE_CHECK_VALIDITY, SubjectType.REQUIREMENT, r.id)
                        .withDueAt(r.validUntil).withScope(null, r.customerId, r.aEnd.province))
                .map(t -> {
                    r.validityTimerId = t.id;
                    return "; result " + r.result + ", valid until " + r.validUntil;
                });
    }

    @WithTransaction
    public Uni<RequirementView> cancel(UUID id, String personId, String note, String ifMatch) {
        UUID actorId = Ids.ref("person", personId);
        return load(id, ifMatch).chain(r -> {
            r.status.check("cancel");
            RequirementStatus from = r.status;
            return support.person(actorId, "personId").chain(p -> {
                // S1: the customer manager who issued the order withdraws it.
                if (!p.id.equals(r.requestedBy)) {
                    throw DomainException.forbidden("S1", "s1.cancelByRequester");
                }
                r.status = RequirementStatus.CANCELLED;
                r.cancelledAt = support.now();
                r.updatedAt = r.cancelledAt;
                return timers.cancelAll(SubjectType.REQUIREMENT, r.id)
                        .chain(() -> support.history(SubjectType.REQUIREMENT, r.id, "cancel", p.id, from.wire(),
                                r.status.wire(), note))
                        .chain(() -> publish(r, STATE_CHANGE));
            });
        });
    }

    /**
     * Locked: the units of the segments answer side by side, and each answer must see the others to know whether it
     * is the round's last; they take turns instead of failing on each other's version.
     */
    private static Uni<Requirement> load(UUID id, String ifMatch) {
        return Requirement.<Requirement>findById(id, LockModeType.PESSIMISTIC_WRITE).onItem().ifNull()
                .failWith(() -> DomainException.notFound("requirement", id))
                .invoke(r -> Versions.check(ifMatch, r.version));
    }

    /** Flushes first, so that the event and the answer show the new version and every check. */
    private Uni<RequirementView> publish(Requirement r, String eventType) {
        return Panache.flush().chain(() -> RequirementQueries.view(r))
                .call(v -> support.event(eventType, SubjectType.REQUIREMENT, r.id, null,
                        new Outbox.Scope(r.customerId, r.unitId, r.aEnd.province), v));
    }

    private static CheckEnd end(CheckEndBody b, UUID unitId) {
        CheckEnd e = new CheckEnd();
        e.address = b.address();
        e.station = b.station();
        e.city = b.city();
        e.province = b.province();
        e.unitId = unitId;
        return e;
    }

    private static ResourceCheck check(Requirement r, int round, CheckSegment segment, UUID unitId, Instant now) {
        ResourceCheck c = new ResourceCheck();
        c.id = UUID.randomUUID();
        c.requirementId = r.id;
        c.round = round;
        c.segment = segment;
        c.unitId = unitId;
        c.createdAt = now;
        return c;
    }
}
