package cn.onepoint.cutover;

import cn.onepoint.common.Ids;
import cn.onepoint.common.PageParams;
import cn.onepoint.common.Paging;
import cn.onepoint.common.Versions;
import cn.onepoint.cutover.dto.AcknowledgementRequest;
import cn.onepoint.cutover.dto.CancelRequest;
import cn.onepoint.cutover.dto.CompleteRequest;
import cn.onepoint.cutover.dto.CreateCutoverRequest;
import cn.onepoint.cutover.dto.CutoverActorRequest;
import cn.onepoint.cutover.dto.CutoverHistoryView;
import cn.onepoint.cutover.dto.CutoverView;
import cn.onepoint.cutover.dto.StartRequest;
import cn.onepoint.sla.TimerService;
import cn.onepoint.sla.dto.NotificationView;
import cn.onepoint.sla.dto.TimerView;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A1: cutover notices 割接通知. */
@Path("cutovers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Cutovers", description = "A1: planned work 割接 on circuits, announced to every affected customer in time, "
        + "each customer's acknowledgement timed")
public class CutoverResource {

    private static final String IF_MATCH = "If-Match";

    private final CutoverService service;
    private final TimerService timers;

    public CutoverResource(CutoverService service, TimerService timers) {
        this.service = service;
        this.timers = timers;
    }

    @POST
    @Operation(summary = "Plan a cutover",
            description = "Status planned; the affected customers are the customers of the circuits. A1: refused (422) when "
                    + "the planned start leaves less than the lead time (72 h) to announce it, 403 A1 when the planner is not "
                    + "of the executing unit. Number COyyyyMMddNNNN.")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = CutoverView.class)))
    public Uni<Response> create(@Valid @NotNull CreateCutoverRequest body) {
        return service.create(body).map(v -> Response.created(URI.create("cutovers/" + v.id())).entity(v)
                .tag(Versions.etag(v.version())).build());
    }

    @GET
    @Operation(summary = "List cutovers",
            description = "Paged (X-Total-Count, X-Result-Count); only the cutovers in the caller's scope. Filters: status "
                    + "(repeat or comma for OR), circuitId (worked on), customerId (affected), executingUnitId, from/to "
                    + "(the planned window overlaps); sort=-plannedStart (default; plannedStart, createdAt, number, '-' for descending).")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = CutoverView.class, type = SchemaType.ARRAY)))
    public Uni<Response> list(@Parameter(description = "planned, announced, inProgress, completed, cancelled")
                              @QueryParam("status") List<String> status,
                              @QueryParam("circuitId") String circuitId, @QueryParam("customerId") String customerId,
                              @QueryParam("executingUnitId") String executingUnitId,
                              @Parameter(description = "ISO-8601: planned end after this") @QueryParam("from") String from,
                              @Parameter(description = "ISO-8601: planned start before this") @QueryParam("to") String to,
                              @QueryParam("sort") String sort, @Valid @BeanParam PageParams page) {
        CutoverService.Filter f = new CutoverService.Filter(status, circuitId, customerId, executingUnitId, from, to, sort);
        return service.list(f, page).map(Paging::ok);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Get a cutover", description = "With every affected customer's notice and acknowledgement; "
            + "an ETag (its version) for If-Match on actions. 404 outside the caller's scope (the executing unit, a unit "
            + "of one of its circuits, the unit of a person told; docs/security.md), as for its sub-resources.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = CutoverView.class)))
    public Uni<Response> get(@PathParam("id") String id) {
        return service.get(id(id)).map(CutoverResource::ok);
    }

    @POST
    @Path("{id}/announce")
    @Operation(summary = "Announce it to every affected customer",
            description = "A1: by a person of the executing unit (403 A1 otherwise), no later than the planned start minus the lead time "
                    + "(exactly then is in time; later is 422 A1). Each customer's customer manager (else its CCE) is "
                    + "notified, and a CUTOVER_ACK timer per customer starts, due the ack window (24 h) after the notice "
                    + "and never after the planned start.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = CutoverView.class)))
    public Uni<Response> announce(@PathParam("id") String id, @Valid @NotNull CutoverActorRequest body,
                                  @HeaderParam(IF_MATCH) String ifMatch) {
        return service.announce(id(id), body.personId(), ifMatch).map(CutoverResource::ok);
    }

    @POST
    @Path("{id}/acknowledgements")
    @Operation(summary = "Record a customer's acknowledgement 回执",
            description = "A1: recorded by a customer manager or customer engineer (403 A1 otherwise); stops that "
                    + "customer's CUTOVER_ACK timer (a breached one is stopped late). Once per customer (409).")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = CutoverView.class)))
    public Uni<Response> acknowledge(@PathParam("id") String id, @Valid @NotNull AcknowledgementRequest body,
                                     @HeaderParam(IF_MATCH) String ifMatch) {
        return service.acknowledge(id(id), body, ifMatch).map(CutoverResource::ok);
    }

    @POST
    @Path("{id}/start")
    @Operation(summary = "Start the work",
            description = "A1: inside the announced window only, by a person of the executing unit (403 A1 otherwise). Refused (422 A1) while a "
                    + "customer has not acknowledged, unless proceedWithoutAcknowledgement is true with a note; those "
                    + "customers are then marked unacknowledgedAtStart. Starts the CUTOVER_WINDOW timer, due at the planned end.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = CutoverView.class)))
    public Uni<Response> start(@PathParam("id") String id, @Valid @NotNull StartRequest body,
                               @HeaderParam(IF_MATCH) String ifMatch) {
        return service.start(id(id), body, ifMatch).map(CutoverResource::ok);
    }

    @POST
    @Path("{id}/complete")
    @Operation(summary = "Complete the work",
            description = "SUCCEEDED or ROLLED_BACK; stops the window timer, ends open acknowledgement timers, and tells "
                    + "every customer told before.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = CutoverView.class)))
    public Uni<Response> complete(@PathParam("id") String id, @Valid @NotNull CompleteRequest body,
                                  @HeaderParam(IF_MATCH) String ifMatch) {
        return service.complete(id(id), body, ifMatch).map(CutoverResource::ok);
    }

    @POST
    @Path("{id}/cancel")
    @Operation(summary = "Cancel the cutover",
            description = "Before it starts, with a reason; customers already told hear that it is off.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = CutoverView.class)))
    public Uni<Response> cancel(@PathParam("id") String id, @Valid @NotNull CancelRequest body,
                                @HeaderParam(IF_MATCH) String ifMatch) {
        return service.cancel(id(id), body, ifMatch).map(CutoverResource::ok);
    }

    @GET
    @Path("{id}/history")
    @Operation(summary = "Cutover history", description = "Every change with actor and time, oldest first.")
    public Uni<List<CutoverHistoryView>> history(@PathParam("id") String id) {
        return service.history(id(id));
    }

    @GET
    @Path("{id}/timers")
    @Operation(summary = "Timers of a cutover",
            description = "Each customer's CUTOVER_ACK (subject CUTOVER_NOTICE) and the CUTOVER_WINDOW, oldest first.")
    public Uni<List<TimerView>> timers(@PathParam("id") String id) {
        Instant now = timers.now();
        return service.timers(id(id)).map(l -> l.stream().map(t -> TimerView.of(t, now)).toList());
    }

    @GET
    @Path("{id}/notifications")
    @Operation(summary = "Who was told", description = "A1: one notice per affected customer, then the completion or "
            + "cancellation notices; oldest first.")
    public Uni<List<NotificationView>> notifications(@PathParam("id") String id) {
        return service.notifications(id(id)).map(l -> l.stream().map(NotificationView::of).toList());
    }

    private static UUID id(String id) {
        return Ids.parse("cutover", id);
    }

    private static Response ok(CutoverView v) {
        return Response.ok(v).tag(Versions.etag(v.version())).build();
    }
}
