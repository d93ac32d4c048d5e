package cn.onepoint.ticket;

import cn.onepoint.assurance.AssuranceService;
import cn.onepoint.common.Commands;
import cn.onepoint.common.DomainException;
import cn.onepoint.common.FieldErrors;
import cn.onepoint.common.Ids;
import cn.onepoint.common.Versions;
import cn.onepoint.directory.Circuit;
import cn.onepoint.directory.Customer;
import cn.onepoint.directory.CustomerLevel;
import cn.onepoint.directory.DirectoryService;
import cn.onepoint.directory.Person;
import cn.onepoint.directory.Role;
import cn.onepoint.feed.Outbox;
import cn.onepoint.ticket.dto.FaultReportDraft;
import cn.onepoint.ticket.dto.FaultReportReview;
import cn.onepoint.ticket.dto.FaultReportView;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The final fault report 故障处理报告 (T15): due at close for a major, group-level or cross-province fault, drafted,
 * reviewed and submitted by the customer engineer's unit. Its state machine is {@link FaultReportAction}; the
 * {@code FAULT_REPORT} timer runs from close to submission.
 */
@ApplicationScoped
public class FaultReportService implements TicketCloseListener {

    static final String EVENT = "FaultReportStateChangeEvent";

    /** Why a closed fault needs the report. */
    public enum Reason {
        GROUP_LEVEL, CROSS_PROVINCE,
        /** The major faults of [2.3.1.4 一]: total outage, major network fault, headquarters outage, ... */
        TOTAL_OUTAGE, MAJOR_FAULT, HEADQUARTERS_OUTAGE,
        /** ... a fault during an assurance period (A2), a telecom-caused fault past its resolution limit. */
        ASSURANCE_PERIOD, TELECOM_TIMEOUT
    }

    private final Clock clock;
    private final TicketService tickets;
    private final TicketTimers timers;
    private final AssuranceService assurance;
    private final DirectoryService directory;
    private final Outbox outbox;

    public FaultReportService(Clock clock, TicketService tickets, TicketTimers timers, AssuranceService assurance,
                              DirectoryService directory, Outbox outbox) {
        this.clock = clock;
        this.tickets = tickets;
        this.timers = timers;
        this.assurance = assurance;
        this.directory = directory;
        this.outbox = outbox;
    }

    /** T15: the faults after which the customer engineer's unit submits the final report. */
    static List<Reason> reasons(Ticket t, Customer customer, Circuit circuit, boolean assurancePeriod) {
        List<Reason> out = new ArrayList<>();
        if (customer.level == CustomerLevel.GROUP) {
            out.add(Reason.GROUP_LEVEL);
        }
        if (circuit.crossProvince()) {
            out.add(Reason.CROSS_PROVINCE);
        }
        if (t.totalOutage) {
            out.add(Reason.TOTAL_OUTAGE);
        }
        if (t.majorFault != null) {
            out.add(Reason.MAJOR_FAULT);
        }
        if (t.headquartersOutage != null) {
            out.add(Reason.HEADQUARTERS_OUTAGE);
        }
        if (assurancePeriod) {
            out.add(Reason.ASSURANCE_PERIOD);
        }
        if (Boolean.FALSE.equals(t.slaMet) && t.causeCategory == CauseCategory.TELECOM) {
            out.add(Reason.TELECOM_TIMEOUT);
        }
        return out;
    }

    /** T15: at close the report falls due, owed by the unit of the customer's chief customer engineer. */
    @Override
    public Uni<Void> closed(Ticket t) {
        return directory.customer(t.customerId).chain(customer -> directory.circuit(t.circuitId)
                .chain(circuit -> assurance.covering(t.customerId, t.createdAt).chain(period -> {
                    List<Reason> reasons = reasons(t, customer, circuit, period.isPresent());
                    if (reasons.isEmpty()) {
                        return Uni.createFrom().voidItem();
                    }
                    // Without a chief customer engineer on record, the first customer engineer to draft it owns it.
                    Uni<UUID> unit = customer.cceId == null ? Uni.createFrom().nullItem()
                            : directory.person(customer.cceId).map(p -> p.unitId);
                    return unit.chain(unitId -> timers.faultReportDue(t, unitId).chain(due -> {
                        Instant now = clock.instant();
                        FaultReport r = new FaultReport();
                        r.id = UUID.randomUUID();
                        r.ticketId = t.id;
                        r.status = FaultReportStatus.DUE;
                        r.unitId = unitId;
                        r.reasons = reasons.stream().map(Enum::name).collect(Collectors.joining(","));
                        r.dueAt = due;
                        r.createdAt = now;
                        r.updatedAt = now;
                        return r.<FaultReport>persist();
                    })).call(r -> tickets.history(t, "fault-report-due", t.status, null, r.unitId,
                            "reasons=" + r.reasons + " dueAt=" + r.dueAt)).call(r -> event(t, r)).replaceWithVoid();
                })));
    }

    @WithTransaction
    public Uni<FaultReport> draft(UUID ticketId, FaultReportDraft body, String ifMatch) {
        return act(ticketId, ifMatch, FaultReportAction.DRAFT_REPORT, body.personId(), (t, r, p) -> {
            r.occurredAt = body.occurredAt();
            r.cause = body.cause();
            r.handlingProcess = body.handlingProcess();
            r.draftedBy = p.id;
            r.draftedAt = clock.instant();
            // a changed draft needs a new review
            r.reviewedBy = null;
            r.reviewedAt = null;
            return "occurredAt=" + r.occurredAt;
        });
    }

    @WithTransaction
    public Uni<FaultReport> review(UUID ticketId, FaultReportReview body, String ifMatch) {
        boolean approved = body.approved();
        if (!approved && (body.note() == null || body.note().isBlank())) {
            throw FieldErrors.single("note", "field.required");
        }
        FaultReportAction action = approved ? FaultReportAction.APPROVE : FaultReportAction.RETURN;
        return act(ticketId, ifMatch, action, body.personId(), (t, r, p) -> {
            // T15: a review is someone else's look at the draft.
            if (p.id.equals(r.draftedBy)) {
                throw DomainException.rule("T15", "t15.ownDraft");
            }
            r.reviewedBy = p.id;
            r.reviewedAt = clock.instant();
            r.reviewNote = body.note();
            return approved ? "approved" : "returned: " + body.note();
        });
    }

    @WithTransaction
    public Uni<FaultReport> submit(UUID ticketId, String personId, String ifMatch) {
        return act(ticketId, ifMatch, FaultReportAction.SUBMIT, personId, (t, r, p) -> {
            r.submittedBy = p.id;
            r.submittedAt = clock.instant();
            return "submitted";
        });
    }

    @WithSession
    public Uni<FaultReport> get(UUID ticketId) {
        return Ticket.<Ticket>findById(ticketId).onItem().ifNull()
                .failWith(() -> DomainException.notFound("ticket", ticketId))
                .chain(t -> FaultReport.<FaultReport>find("ticketId", t.id).<FaultReport>firstResult()).onItem().ifNull()
                .failWith(() -> DomainException.notFound("fault report", ticketId));
    }

    @FunctionalInterface
    private interface Change {
        String apply(Ticket t, FaultReport r, Person actor);
    }

    /**
     * One home for every report action: the report (after close, for a fault that needs one), If-Match, the state
     * machine, who may act, the change, the ticket's history row and the feed event; the timer stops at submission.
     */
    private Uni<FaultReport> act(UUID ticketId, String ifMatch, FaultReportAction action, String personId,
                                 Change change) {
        UUID actorId = Ids.ref("person", personId);
        return Commands.lock(Ticket.class, ticketId, "ticket")
                .chain(t -> report(t).chain(r -> {
                    Versions.check(ifMatch, r.version);
                    FaultReportStatus next = action.apply(r.status);
                    return tickets.personOf(actorId, "personId").chain(p -> {
                        // T15: the customer engineer's unit drafts, reviews and submits, each with its roles.
                        if (r.unitId != null && !r.unitId.equals(p.unitId)) {
                            throw DomainException.rule("T15", "t15.notOfUnit", p.name);
                        }
                        if (p.roles.stream().noneMatch(action.roles()::contains)) {
                            throw DomainException.rule("T15", "t15.role", p.name, action.wire(),
                                    action.roles().stream().map(Role::name).sorted()
                                            .collect(Collectors.joining(", ")));
                        }
                        if (r.unitId == null) {
                            r.unitId = p.unitId;
                        }
                        String detail = change.apply(t, r, p);
                        r.status = next;
                        r.updatedAt = clock.instant();
                        Uni<Void> timer = next == FaultReportStatus.SUBMITTED ? timers.faultReportSubmitted(t)
                                : Uni.createFrom().voidItem();
                        return timer.chain(() -> tickets.history(t, "fault-report-" + action.wire(), t.status, p.id,
                                p.unitId, detail)).chain(() -> event(t, r)).replaceWith(r);
                    });
                }));
    }

    /** The ticket's report; a ticket still open has none yet (409), a closed one may need none (422). */
    private Uni<FaultReport> report(Ticket t) {
        return FaultReport.<FaultReport>find("ticketId", t.id).firstResult().map(r -> {
            if (r != null) {
                return r;
            }
            if (t.status != TicketStatus.CLOSED) {
                throw DomainException.stateConflict(t.status.wire() + "/" + t.phase.wire(),
                        TicketAction.allowed(t), "fault-report");
            }
            // T15: only major, group-level and cross-province faults have a final report.
            throw DomainException.rule("T15", "t15.notRequired");
        });
    }

    private Uni<Void> event(Ticket t, FaultReport r) {
        return outbox.append(Outbox.Topic.tickets, EVENT, TicketService.SUBJECT, t.id, TicketService.scope(t),
                FaultReportView.of(r));
    }
}
