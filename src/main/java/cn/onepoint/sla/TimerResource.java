package cn.onepoint.sla;

import cn.onepoint.common.FieldErrors;
import cn.onepoint.common.Ids;
import cn.onepoint.common.PageParams;
import cn.onepoint.common.Paging;
import cn.onepoint.common.Query;
import cn.onepoint.sla.dto.EscalationView;
import cn.onepoint.sla.dto.TimerView;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The timers' read side: what is running, what is due, what breached (T4–T13, P3–P8, S1, S3). */
@Path("timers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Timers", description = "Deadlines of the timer table in docs/rules.md, their warnings, breaches and escalations")
public class TimerResource {

    private static final Map<String, String> SORTS = Map.of(
            "dueAt", "dueAt, id", "-dueAt", "dueAt desc, id",
            "createdAt", "createdAt, id", "-createdAt", "createdAt desc, id");

    private final TimerService timers;

    public TimerResource(TimerService timers) {
        this.timers = timers;
    }

    @GET
    @Operation(summary = "List timers",
            description = "Paged (X-Total-Count, X-Result-Count). Filters take repeated or comma-separated values.")
    public Uni<Response> list(
            @Parameter(description = "running, paused, met, breached, cancelled") @QueryParam("state") List<String> state,
            @Parameter(description = "Timer kind, e.g. ACCEPT, RESOLUTION") @QueryParam("kind") List<String> kind,
            @Parameter(description = "Only timers due before this instant (ISO-8601)") @QueryParam("dueBefore") String dueBefore,
            @Parameter(description = "Only timers due at or after this instant (ISO-8601)") @QueryParam("dueAfter") String dueAfter,
            @Parameter(description = "Unit id") @QueryParam("unit") String unit,
            @Parameter(description = "Customer id") @QueryParam("customer") String customer,
            @QueryParam("province") String province,
            @Parameter(description = "TICKET, WORK_ORDER, ORDER, …") @QueryParam("subjectType") List<String> subjectType,
            @QueryParam("subjectId") String subjectId,
            @Parameter(description = "dueAt (default), -dueAt, createdAt, -createdAt") @QueryParam("sort") String sort,
            @Valid @BeanParam PageParams page) {
        FieldErrors errors = new FieldErrors();
        List<TimerState> states = enums(errors, "state", TimerState.class, state);
        List<TimerKind> kinds = enums(errors, "kind", TimerKind.class, kind);
        List<SubjectType> types = enums(errors, "subjectType", SubjectType.class, subjectType);
        Instant before = instant(errors, "dueBefore", dueBefore);
        Instant after = instant(errors, "dueAfter", dueAfter);
        UUID unitId = uuid(errors, "unit", unit);
        UUID customerId = uuid(errors, "customer", customer);
        UUID subject = uuid(errors, "subjectId", subjectId);
        String order = sort == null || sort.isBlank() ? SORTS.get("dueAt") : SORTS.get(sort);
        if (order == null) {
            errors.add("sort", "unknownEnum", sort, String.join(", ", List.of("dueAt", "-dueAt", "createdAt", "-createdAt")));
        }
        errors.throwIfAny();
        Query q = new Query().in("state", states).in("kind", kinds).in("subjectType", types)
                .where("dueAt < :dueBefore", "dueBefore", before).where("dueAt >= :dueAfter", "dueAfter", after)
                .eq("unitId", unitId).eq("customerId", customerId).eq("province", province).eq("subjectId", subject)
                .orderBy(order);
        Instant now = timers.now();
        return timers.timers(q, page).map(p -> Paging.ok(p.map(t -> TimerView.of(t, now))));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Get a timer", description = "With its escalations and the people told (T13).")
    public Uni<TimerView> get(@PathParam("id") String id) {
        UUID timerId = Ids.parse("timer", id);
        Instant now = timers.now();
        return timers.timer(timerId)
                .chain(t -> timers.escalations(timerId).map(es -> TimerView.of(t, now, es)));
    }

    @GET
    @Path("{id}/escalations")
    @Operation(summary = "A timer's escalations", description = "T13: tier by tier, each with the people told.")
    public Uni<List<EscalationView>> escalations(@PathParam("id") String id) {
        UUID timerId = Ids.parse("timer", id);
        return timers.timer(timerId).chain(t -> timers.escalations(timerId));
    }

    private static <E extends Enum<E>> List<E> enums(FieldErrors errors, String field, Class<E> type, List<String> raw) {
        List<String> values = Ids.values(raw);
        List<E> out = new java.util.ArrayList<>();
        for (String v : values) {
            try {
                out.add(Enum.valueOf(type, v));
            } catch (IllegalArgumentException e) {
                errors.add(field, "unknownEnum", v, String.join(", ",
                        java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()));
            }
        }
        return out;
    }

    private static Instant instant(FieldErrors errors, String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return errors.within(field, Instant.parse(raw.trim()));
        } catch (DateTimeParseException e) {
            errors.add(field, "sla.field.instant", raw);
            return null;
        }
    }

    private static UUID uuid(FieldErrors errors, String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(raw.trim());
        } catch (IllegalArgumentException e) {
            errors.add(field, "field.unknownReference", raw);
            return null;
        }
    }
}
