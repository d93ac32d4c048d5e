package cn.onepoint.workorder;

import cn.onepoint.common.Ids;
import cn.onepoint.common.PageParams;
import cn.onepoint.common.Paging;
import cn.onepoint.common.Versions;
import cn.onepoint.workorder.dto.ActorRequest;
import cn.onepoint.workorder.dto.CompleteRequest;
import cn.onepoint.workorder.dto.CrossDomainCreateRequest;
import cn.onepoint.workorder.dto.CrossDomainDispatchRequest;
import cn.onepoint.workorder.dto.FindingsRequest;
import cn.onepoint.workorder.dto.ProgressRequest;
import cn.onepoint.workorder.dto.NoticeView;
import cn.onepoint.workorder.dto.ProgressView;
import cn.onepoint.workorder.dto.ReplyRequest;
import cn.onepoint.workorder.dto.WorkOrderHistoryView;
import cn.onepoint.workorder.dto.WorkOrderView;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;

/** Work orders: every dispatch of a ticket or an order to a unit, and the cross-domain work orders. */
@Path("work-orders")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Work orders", description = "Dispatches to units: accept, findings, progress, complete (T4, T9, T16); "
        + "cross-domain work orders: create, dispatch tasks, reply (W1)")
public class WorkOrderResource {

    private static final String IF_MATCH = "If-Match";

    private final WorkOrderService service;
    private final CrossDomainService crossDomain;

    public WorkOrderResource(WorkOrderService service, CrossDomainService crossDomain) {
        this.service = service;
        this.crossDomain = crossDomain;
    }

    @POST
    @Operation(summary = "Take a cross-domain request (跨域协同工单)",
            description = "W1: a customer engineer records a customer manager's request: type INDUSTRY_SERVICE, "
                    + "PROJECT_MANAGEMENT or MARKETING_SUPPORT, customer, title, description, required time (default "
                    + "onepoint.sla.cross-domain.reply). Starts the CROSS_DOMAIN_REPLY timer; status acknowledged.")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = "application/json", schema = @Schema(implementation = WorkOrderView.class)))
    public Uni<Response> create(@Valid @NotNull CrossDomainCreateRequest body) {
        return crossDomain.create(body).map(w -> Response.created(URI.create("work-orders/" + w.id))
                .entity(WorkOrderView.of(w)).tag(Versions.etag(w.version)).build());
    }

    @GET
    @Operation(summary = "List work orders",
            description = "Paged (offset/limit, X-Total-Count); filter by type and status (repeat or comma for OR), "
                    + "subjectId (ticket, order or request dispatched for), parentId (a cross-domain request: its tasks), unitId, "
                    + "customerId; sort=-dispatchedAt (dispatchedAt, dueAt, number, updatedAt).")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json", schema = @Schema(implementation = WorkOrderView.class, type = SchemaType.ARRAY)))
    public Uni<Response> list(@QueryParam("type") List<String> type, @QueryParam("status") List<String> status,
                              @QueryParam("subjectId") String subjectId, @QueryParam("parentId") String parentId,
                              @QueryParam("unitId") String unitId, @QueryParam("customerId") String customerId,
                              @Parameter(description = "dispatchedAt, dueAt, number, updatedAt; '-' for descending")
                              @QueryParam("sort") String sort,
                              @Valid @BeanParam PageParams page) {
        WorkOrderService.Filter f = new WorkOrderService.Filter(subjectId, parentId, unitId, customerId, status, type,
                sort);
        return service.list(f, page).map(p -> Paging.ok(p.map(WorkOrderView::of)));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Get a work order", description = "By its id or by its number (WO202612010001). Carries an "
            + "ETag (its version) for If-Match.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json", schema = @Schema(implementation = WorkOrderView.class)))
    public Uni<Response> get(@Parameter(description = "The work order's id, or its number", example = "WO202612010001")
                             @PathParam("id") String id) {
        return service.get(id).chain(service::visible).map(WorkOrderResource::ok);
    }

    @GET
    @Path("{id}/history")
    @Operation(summary = "Work-order history",
            description = "Every change with actor, unit and time, oldest first; a cross-domain request's includes its tasks'.")
    public Uni<List<WorkOrderHistoryView>> history(@PathParam("id") String id) {
        return service.history(Ids.parse("work order", id)).map(l -> l.stream().map(WorkOrderHistoryView::of).toList());
    }

    @GET
    @Path("{id}/notices")
    @Operation(summary = "What the unit was told",
            description = "T11 new information the control desk passed on, T13 the customer-facing wording 口径; oldest first.")
    public Uni<List<NoticeView>> notices(@PathParam("id") String id) {
        return service.notices(Ids.parse("work order", id)).map(l -> l.stream().map(NoticeView::of).toList());
    }

    @POST
    @Path("{id}/dispatches")
    @Operation(summary = "Dispatch tasks to teams of other domains",
            description = "The request's customer engineer dispatches one task per team (a unit other than their "
                    + "own), each with its instructions and due time (default onepoint.sla.cross-domain.task, never "
                    + "after the request's). Each task is a work order with parentId = the request, accepted, reported "
                    + "and completed (or declined with a reason) by its team; CROSS_DOMAIN_ACCEPT and CROSS_DOMAIN_TASK "
                    + "timers run on it. Answers with the tasks.")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = "application/json", schema = @Schema(implementation = WorkOrderView.class, type = SchemaType.ARRAY)))
    public Uni<Response> dispatch(@PathParam("id") String id, @Valid @NotNull CrossDomainDispatchRequest body,
                                  @HeaderParam(IF_MATCH) String ifMatch) {
        return crossDomain.dispatch(Ids.parse("work order", id), body, ifMatch)
                .map(list -> Response.created(URI.create("work-orders?parentId=" + id))
                        .entity(list.stream().map(WorkOrderView::of).toList()).build());
    }

    @GET
    @Path("{id}/dispatches")
    @WithSession
    @Operation(summary = "Tasks of a cross-domain work order", description = "Every task dispatched for it, oldest first.")
    public Uni<List<WorkOrderView>> dispatches(@PathParam("id") String id) {
        return service.get(Ids.parse("work order", id)).chain(w -> service.ofSubject(w.id))
                .map(l -> l.stream().map(WorkOrderView::of).toList());
    }

    @POST
    @Path("{id}/reply")
    @Operation(summary = "Reply to the customer manager (一点回复)",
            description = "The request's customer engineer replies once, when every task is done (else 422); "
                    + "the request is completed, its CROSS_DOMAIN_REPLY timer stops and the customer manager is "
                    + "notified. A second reply is 409.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json", schema = @Schema(implementation = WorkOrderView.class)))
    public Uni<Response> reply(@PathParam("id") String id, @Valid @NotNull ReplyRequest body,
                               @HeaderParam(IF_MATCH) String ifMatch) {
        return crossDomain.reply(Ids.parse("work order", id), body, ifMatch).map(WorkOrderResource::ok);
    }

    @POST
    @Path("{id}/cancel")
    @Operation(summary = "Withdraw a cross-domain request or one of its tasks",
            description = "The request's customer engineer withdraws it (its open tasks with it) or one task, "
                    + "with a note; their timers are cancelled. Fault dispatches and order tasks close with their "
                    + "ticket or order (422 here).")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json", schema = @Schema(implementation = WorkOrderView.class)))
    public Uni<Response> cancel(@PathParam("id") String id, @Valid @NotNull ActorRequest body,
                                @HeaderParam(IF_MATCH) String ifMatch) {
        return crossDomain.cancel(Ids.parse("work order", id), body.personId(), body.note(), ifMatch)
                .map(WorkOrderResource::ok);
    }

    @POST
    @Path("{id}/accept")
    @Operation(summary = "Accept (接单确认)", description = "T4: a person of the dispatched unit accepts within 5 minutes.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json", schema = @Schema(implementation = WorkOrderView.class)))
    public Uni<Response> accept(@PathParam("id") String id, @Valid @NotNull ActorRequest body,
                                @HeaderParam(IF_MATCH) String ifMatch) {
        return service.accept(Ids.parse("work order", id), body.personId(), ifMatch).map(WorkOrderResource::ok);
    }

    @POST
    @Path("{id}/decline")
    @Operation(summary = "Decline", description = "The unit refuses the dispatch (not its segment), with a note; "
            + "a cross-domain task's note (the reason) is required.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json", schema = @Schema(implementation = WorkOrderView.class)))
    public Uni<Response> decline(@PathParam("id") String id, @Valid @NotNull ActorRequest body,
                                 @HeaderParam(IF_MATCH) String ifMatch) {
        return service.decline(Ids.parse("work order", id), body.personId(), body.note(), ifMatch)
                .map(WorkOrderResource::ok);
    }

    @POST
    @Path("{id}/findings")
    @Operation(summary = "Report alarm / configuration-change findings",
            description = "T16: every unit first checks alarms and configuration changes on its segment; an alarm makes it the owner.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json", schema = @Schema(implementation = WorkOrderView.class)))
    public Uni<Response> findings(@PathParam("id") String id, @Valid @NotNull FindingsRequest body,
                                  @HeaderParam(IF_MATCH) String ifMatch) {
        return service.findings(Ids.parse("work order", id), body, ifMatch).map(WorkOrderResource::ok);
    }

    @POST
    @Path("{id}/progress")
    @Operation(summary = "Report progress", description = "T9: every 30 min (60 for SWITCHING); interim judgements flagged.")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ProgressView.class)))
    public Uni<Response> progress(@PathParam("id") String id, @Valid @NotNull ProgressRequest body) {
        return service.progress(Ids.parse("work order", id), body)
                .map(p -> Response.created(URI.create("work-orders/" + id + "/progress/" + p.id))
                        .entity(ProgressView.of(p)).build());
    }

    @GET
    @Path("{id}/progress")
    @Operation(summary = "Progress reported on this work order", description = "T9: oldest first.")
    public Uni<List<ProgressView>> progressReports(@PathParam("id") String id) {
        return service.progressReports(Ids.parse("work order", id))
                .map(l -> l.stream().map(ProgressView::of).toList());
    }

    @GET
    @Path("{id}/progress/{reportId}")
    @Operation(summary = "One progress report", description = "T9: the report as filed.")
    public Uni<ProgressView> progressReport(@PathParam("id") String id, @PathParam("reportId") String reportId) {
        return service.progressReport(Ids.parse("work order", id), Ids.parse("progress report", reportId))
                .map(ProgressView::of);
    }

    @POST
    @Path("{id}/complete")
    @Operation(summary = "Complete", description = "The unit's part is done, with its result.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json", schema = @Schema(implementation = WorkOrderView.class)))
    public Uni<Response> complete(@PathParam("id") String id, @Valid @NotNull CompleteRequest body,
                                  @HeaderParam(IF_MATCH) String ifMatch) {
        return service.complete(Ids.parse("work order", id), body, ifMatch).map(WorkOrderResource::ok);
    }

    static Response ok(WorkOrder w) {
        return Response.ok(WorkOrderView.of(w)).tag(Versions.etag(w.version)).build();
    }
}
