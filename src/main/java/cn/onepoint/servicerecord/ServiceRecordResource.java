package cn.onepoint.servicerecord;

import cn.onepoint.common.Ids;
import cn.onepoint.common.PageParams;
import cn.onepoint.common.Paging;
import cn.onepoint.common.Versions;
import cn.onepoint.servicerecord.dto.CancelServiceRecordRequest;
import cn.onepoint.servicerecord.dto.CompleteServiceRecordRequest;
import cn.onepoint.servicerecord.dto.CreateServiceRecordRequest;
import cn.onepoint.servicerecord.dto.ServiceRecordHistoryView;
import cn.onepoint.servicerecord.dto.ServiceRecordView;
import cn.onepoint.sla.TimerService;
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

/** A3: visits, campaigns, crisis interventions, service-tracking warnings and drills. */
@Path("service-records")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Service records", description = "A3: visits 走访/回访, special service campaigns 专项服务活动, crisis "
        + "interventions 危机干预, service-tracking warnings 服务跟踪预警 and emergency drills 应急演练, each due by a timer")
public class ServiceRecordResource {

    private static final String IF_MATCH = "If-Match";

    private final ServiceRecordService service;
    private final TimerService timers;

    public ServiceRecordResource(ServiceRecordService service, TimerService timers) {
        this.service = service;
        this.timers = timers;
    }

    @POST
    @Operation(summary = "Record a service duty",
            description = "Open, assigned to a person (whose unit it belongs to; the kind decides the O2 roles allowed, 422 A3), "
                    + "for a customer, due at dueAt: a SERVICE_RECORD timer warns at the warn share and breaches, escalating "
                    + "from the unit, when it is still open then. Number SRyyyyMMddNNNN.")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = ServiceRecordView.class)))
    public Uni<Response> create(@Valid @NotNull CreateServiceRecordRequest body) {
        return service.create(body).map(v -> Response.created(URI.create("service-records/" + v.id())).entity(v)
                .tag(Versions.etag(v.version())).build());
    }

    @GET
    @Operation(summary = "List service records",
            description = "Paged; only the records in the caller's scope. Filters: kind, status (repeat or comma for OR), customerId, unitId, assigneeId, "
                    + "overdue=true|false, dueBefore; sort=dueAt (default; createdAt, number, '-' for descending).")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = ServiceRecordView.class, type = SchemaType.ARRAY)))
    public Uni<Response> list(@Parameter(description = "VISIT, RETURN_VISIT, SERVICE_CAMPAIGN, CRISIS_INTERVENTION, "
                                      + "SERVICE_TRACKING_WARNING, EMERGENCY_DRILL") @QueryParam("kind") List<String> kind,
                              @Parameter(description = "open, completed, cancelled") @QueryParam("status") List<String> status,
                              @QueryParam("customerId") String customerId, @QueryParam("unitId") String unitId,
                              @QueryParam("assigneeId") String assigneeId,
                              @Parameter(description = "Open and past due (true), or not (false)") @QueryParam("overdue") String overdue,
                              @Parameter(description = "ISO-8601") @QueryParam("dueBefore") String dueBefore,
                              @QueryParam("sort") String sort, @Valid @BeanParam PageParams page) {
        ServiceRecordService.Filter f = new ServiceRecordService.Filter(kind, status, customerId, unitId, assigneeId,
                overdue, dueBefore, sort);
        return service.list(f, page).map(Paging::ok);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Get a service record", description = "With an ETag (its version) for If-Match on actions. "
            + "404 outside the caller's scope (its unit, its assignee's or creator's unit; docs/security.md).")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = ServiceRecordView.class)))
    public Uni<Response> get(@PathParam("id") String id) {
        return service.get(id(id)).map(ServiceRecordResource::ok);
    }

    @POST
    @Path("{id}/complete")
    @Operation(summary = "Complete with the outcome",
            description = "A3: by the assignee or a supervisor of the assigned unit (403 A3 otherwise); stops the timer "
                    + "(met, or stopped late when it breached).")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = ServiceRecordView.class)))
    public Uni<Response> complete(@PathParam("id") String id, @Valid @NotNull CompleteServiceRecordRequest body,
                                  @HeaderParam(IF_MATCH) String ifMatch) {
        return service.complete(id(id), body.personId(), body.outcome(), ifMatch).map(ServiceRecordResource::ok);
    }

    @POST
    @Path("{id}/cancel")
    @Operation(summary = "Cancel", description = "A3: by the assignee or a supervisor of the assigned unit (403 A3 otherwise), with a reason; "
            + "the timer is cancelled.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = ServiceRecordView.class)))
    public Uni<Response> cancel(@PathParam("id") String id, @Valid @NotNull CancelServiceRecordRequest body,
                                @HeaderParam(IF_MATCH) String ifMatch) {
        return service.cancel(id(id), body.personId(), body.reason(), ifMatch).map(ServiceRecordResource::ok);
    }

    @GET
    @Path("{id}/history")
    @Operation(summary = "Service record history", description = "Every change with actor and time, oldest first.")
    public Uni<List<ServiceRecordHistoryView>> history(@PathParam("id") String id) {
        return service.history(id(id));
    }

    @GET
    @Path("{id}/timers")
    @Operation(summary = "Timers of a service record", description = "Its SERVICE_RECORD timer (A3).")
    public Uni<List<TimerView>> timers(@PathParam("id") String id) {
        Instant now = timers.now();
        return service.timers(id(id)).map(l -> l.stream().map(t -> TimerView.of(t, now)).toList());
    }

    private static UUID id(String id) {
        return Ids.parse("service record", id);
    }

    private static Response ok(ServiceRecordView v) {
        return Response.ok(v).tag(Versions.etag(v.version())).build();
    }
}
