package cn.onepoint.assurance;

import cn.onepoint.common.Commands;
import cn.onepoint.common.DomainException;
import cn.onepoint.common.FieldErrors;
import cn.onepoint.common.PageParams;
import cn.onepoint.common.Paging;
import cn.onepoint.common.Paging.Page;
import cn.onepoint.common.Query;
import cn.onepoint.directory.Customer;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A2: assurance periods, and whether a fault taken now falls inside one. Reads are not scoped (docs/security.md): a
 * period is a directive for customers across the network, with no unit of its own and no timers, that every desk
 * taking or handling faults has to know of.
 */
@ApplicationScoped
public class AssuranceService {

    private final Clock clock;

    public AssuranceService(Clock clock) {
        this.clock = clock;
    }

    @WithTransaction
    public Uni<AssurancePeriod> create(AssurancePeriodRequest body) {
        FieldErrors errors = new FieldErrors();
        if (!body.endsAt().isAfter(body.startsAt())) {
            errors.add("endsAt", "field.tooEarly", body.startsAt());
        }
        List<String> raw = body.customerIds() == null ? List.of() : body.customerIds();
        Set<UUID> ids = new LinkedHashSet<>();
        for (int i = 0; i < raw.size(); i++) {
            UUID id = errors.uuid("customerIds[" + i + "]", raw.get(i));
            if (id != null) {
                ids.add(id);
            }
        }
        return Customer.count("id in ?1", ids.isEmpty() ? Set.of(new UUID(0, 0)) : ids).chain(found -> {
            if (found < ids.size()) {
                errors.add("customerIds", "field.unknownCustomer", ids);
            }
            errors.throwIfAny();
            AssurancePeriod p = new AssurancePeriod();
            p.id = UUID.randomUUID();
            p.name = body.name();
            p.startsAt = body.startsAt();
            p.endsAt = body.endsAt();
            p.customerIds = ids;
            p.reason = body.reason();
            p.createdAt = clock.instant();
            return p.persist();
        });
    }

    @WithTransaction
    public Uni<AssurancePeriod> cancel(UUID id) {
        return Commands.lock(AssurancePeriod.class, id, "assurance period").invoke(p -> {
            if (p.cancelledAt != null) {
                throw DomainException.conflict("ALREADY_CANCELLED", "assurance.cancelled");
            }
            p.cancelledAt = clock.instant();
        });
    }

    @WithSession
    public Uni<AssurancePeriod> get(UUID id) {
        return AssurancePeriod.<AssurancePeriod>findById(id).onItem().ifNull()
                .failWith(() -> DomainException.notFound("assurance period", id));
    }

    /** Periods not cancelled; {@code at} given: only those covering that instant. */
    @WithSession
    public Uni<Page<AssurancePeriod>> list(Instant at, PageParams page) {
        Query q = new Query().always("cancelledAt is null").where("startsAt <= :at and endsAt > :at", "at", at)
                .orderBy("startsAt desc, id");
        return Paging.fetch(q, page, (w, p) -> AssurancePeriod.count(w, p), (w, p) -> AssurancePeriod.find(w, p));
    }

    /** A2: the period a fault of {@code customerId} taken at {@code at} falls in, if any; in the caller's session. */
    public Uni<Optional<AssurancePeriod>> covering(UUID customerId, Instant at) {
        return AssurancePeriod.<AssurancePeriod>list(
                        "cancelledAt is null and startsAt <= ?1 and endsAt > ?1 order by startsAt", at)
                .map(list -> list.stream().filter(p -> p.covers(customerId, at)).findFirst());
    }
}
