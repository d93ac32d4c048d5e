package cn.onepoint.workorder;

import cn.onepoint.common.Ids;
import cn.onepoint.common.PageParams;
import cn.onepoint.common.Paging;
import cn.onepoint.common.Versions;
import cn.onepoint.workorder.dto.ActorRequest;
import cn.onepoint.workorder.dto.CompleteRequest;
import cn.onepoint.workorder.dto.FindingsRequest;
import cn.onepoint.workorder.dto.ProgressRequest;
import cn.onepoint.workorder.dto.ProgressView;
import cn.onepoint.workorder.dto.WorkOrderView;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;

/** Work orders (W1; every dispatch of a ticket or an order to a unit). */
@Path("work-orders")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Work orders", description = "Dispatches to units: accept, findings, progress, complete (T4, T9, T16, W1)")
public class WorkOrderResource {

    private final WorkOrderService service;

    public WorkOrderResource(WorkOrderService service) {
        this.service = service;
    }

    @GET
    @Operation(summary = "List work orders", description = "Paged; filter by subject (ticket/order id), unit, status, type.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json", schema = @Schema(implementation = WorkOrderView.class, type = SchemaType.ARRAY)))
    public Uni<Response> list(@QueryParam("subjectId") String subjectId, @QueryParam("unitId") String unitId,
                              @QueryParam("status") List<WorkOrderStatus> status,
                              @QueryParam("type") WorkOrderType type, @Valid @BeanParam PageParams page) {
        return service.list(subjectId, unitId, status, type, page).map(p -> Paging.ok(p.map(WorkOrderView::of)));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Get a work order", description = "By its id or by its number (WO202612010001). Carries an "
            + "ETag (its version) for If-Match.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json", schema = @Schema(implementation = WorkOrderView.class)))
    public Uni<Response> get(@Parameter(description = "The work order's id, or its number", example = "WO202612010001")
                             @PathParam("id") String id) {
        return service.get(id).map(WorkOrderResource::ok);
    }

    @POST
    @Path("{id}/accept")
    @Operation(summary = "Accept (接单确认)", description = "T4: a person of the dispatched unit accepts within 5 minutes.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json", schema = @Schema(implementation = WorkOrderView.class)))
    public Uni<Response> accept(@PathParam("id") String id, @Valid @NotNull ActorRequest body,
                                @HeaderParam("If-Match") String ifMatch) {
        return service.accept(Ids.parse("work order", id), body.personId(), ifMatch).map(WorkOrderResource::ok);
    }

    @POST
    @Path("{id}/decline")
    @Operation(summary = "Decline", description = "The unit refuses the dispatch (not its segment), with a note.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json", schema = @Schema(implementation = WorkOrderView.class)))
    public Uni<Response> decline(@PathParam("id") String id, @Valid @NotNull ActorRequest body,
                                 @HeaderParam("If-Match") String ifMatch) {
        return service.decline(Ids.parse("work order", id), body.personId(), body.note(), ifMatch)
                .map(WorkOrderResource::ok);
    }

    @POST
    @Path("{id}/findings")
    @Operation(summary = "Report alarm / configuration-change findings",
            description = "T16: every unit first checks alarms and configuration changes on its segment; an alarm makes it the owner.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json", schema = @Schema(implementation = WorkOrderView.class)))
    public Uni<Response> findings(@PathParam("id") String id, @Valid @NotNull FindingsRequest body,
                                  @HeaderParam("If-Match") String ifMatch) {
        return service.findings(Ids.parse("work order", id), body, ifMatch).map(WorkOrderResource::ok);
    }

    @POST
    @Path("{id}/progress")
    @Operation(summary = "Report progress", description = "T9: every 30 min (60 for SWITCHING); interim judgements flagged.")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ProgressView.class)))
    public Uni<Response> progress(@PathParam("id") String id, @Valid @NotNull ProgressRequest body) {
        return service.progress(Ids.parse("work order", id), body)
                .map(p -> Response.created(URI.create("work-orders/" + id + "/progress"))
                        .entity(ProgressView.of(p)).build());
    }

    @POST
    @Path("{id}/complete")
    @Operation(summary = "Complete", description = "The unit's part is done, with its result.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json", schema = @Schema(implementation = WorkOrderView.class)))
    public Uni<Response> complete(@PathParam("id") String id, @Valid @NotNull CompleteRequest body,
                                  @HeaderParam("If-Match") String ifMatch) {
        return service.complete(Ids.parse("work order", id), body, ifMatch).map(WorkOrderResource::ok);
    }

    static Response ok(WorkOrder w) {
        return Response.ok(WorkOrderView.of(w)).tag(Versions.etag(w.version)).build();
    }
}
