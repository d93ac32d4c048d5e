package cn.onepoint.order;

import cn.onepoint.common.Ids;
import cn.onepoint.common.PageParams;
import cn.onepoint.common.Paging;
import cn.onepoint.common.Versions;
import cn.onepoint.order.dto.ActorRequest;
import cn.onepoint.order.dto.CompletionRequest;
import cn.onepoint.order.dto.CreateOrderRequest;
import cn.onepoint.order.dto.GrantExtensionRequest;
import cn.onepoint.order.dto.OrderHistoryView;
import cn.onepoint.order.dto.OrderView;
import cn.onepoint.order.dto.PlanRequest;
import cn.onepoint.order.dto.PoolEntryView;
import cn.onepoint.order.dto.ProgressReportRequest;
import cn.onepoint.order.dto.ProgressReportView;
import cn.onepoint.order.dto.ProjectManagerRequest;
import cn.onepoint.order.dto.RecordRequest;
import cn.onepoint.order.dto.ResubmitRequest;
import cn.onepoint.order.dto.ReviewRequest;
import cn.onepoint.order.dto.SegmentCompletionRequest;
import cn.onepoint.order.dto.SegmentView;
import cn.onepoint.order.dto.SurveyRequest;
import cn.onepoint.order.dto.TestRequest;
import cn.onepoint.order.dto.TestView;
import cn.onepoint.order.dto.WarningRequest;
import cn.onepoint.order.dto.WarningView;
import cn.onepoint.sla.dto.NotificationView;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/** Provisioning orders 电路开通 (P1–P9): the seven steps, warnings, testing and completion. */
@Path("orders")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Orders", description = "Provisioning orders 电路开通: the seven steps 七步法, warnings, completion (P1–P9)")
public class OrderResource {

    private static final String IF_MATCH = "If-Match";

    private final OrderService service;
    private final OrderQueries queries;
    private final OrderViews views;

    public OrderResource(OrderService service, OrderQueries queries, OrderViews views) {
        this.service = service;
        this.queries = queries;
        this.views = views;
    }

    @POST
    @Operation(summary = "Take a provisioning order",
            description = "Status acknowledged, step review; A and Z ends from the circuit; the lead bureau computed (P9); "
                    + "the warning-pool entry scheduled (P6); a human number SOyyyyMMddNNNN. Every bad field named at once.")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = "application/json", schema = @Schema(implementation = OrderView.class)))
    public Uni<Response> create(@Valid @NotNull CreateOrderRequest body) {
        return service.create(body).map(o -> Response.created(URI.create("orders/" + o.id))
                .entity(views.of(o)).tag(Versions.etag(o.version)).build());
    }

    @GET
    @Operation(summary = "List orders",
            description = "Paged (offset/limit, X-Total-Count); filter by status and step (repeat or comma for OR), customerId, "
                    + "circuitId, flag=overdueWithoutWarning (P6: past due, not complete, no warning filed); "
                    + "sort=-createdAt (createdAt, dueDate, number, updatedAt).")
    public Uni<Response> list(@QueryParam("status") List<String> status, @QueryParam("step") List<String> step,
                              @QueryParam("customerId") String customerId, @QueryParam("circuitId") String circuitId,
                              @Parameter(description = "overdueWithoutWarning") @QueryParam("flag") String flag,
                              @Parameter(description = "createdAt, dueDate, number, updatedAt; '-' for descending")
                              @QueryParam("sort") String sort,
                              @Valid @BeanParam PageParams page) {
        OrderQueries.Filter f = new OrderQueries.Filter(status, step, customerId, circuitId, flag, sort);
        return queries.list(f, page).map(p -> Paging.ok(p.map(views::of)));
    }

    @GET
    @Path("warning-pool")
    @Operation(summary = "The warning pool 电路预警 (P6)",
            description = "Open orders that filed a warning, or that file no progress reports and are within 10 working days "
                    + "of their due date (expedited orders with fewer: from the start). They leave at completion. "
                    + "Soonest due first; paged.")
    public Uni<Response> warningPool(@Valid @BeanParam PageParams page) {
        return queries.pool(page).map(p -> Paging.ok(p.map(PoolEntryView::of)));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Get an order", description = "By its id or by its number (SO202612010001). With an ETag "
            + "(its version) for If-Match on actions.")
    public Uni<Response> get(@Parameter(description = "The order's id, or its number", example = "SO202612010001")
                             @PathParam("id") String id) {
        return queries.get(id).chain(queries::visible).map(this::ok);
    }

    @GET
    @Path("{id}/history")
    @Operation(summary = "Order history", description = "Every change with actor, unit and time, oldest first.")
    public Uni<List<OrderHistoryView>> history(@PathParam("id") String id) {
        return queries.history(id(id)).map(l -> l.stream().map(OrderHistoryView::of).toList());
    }

    @POST
    @Path("{id}/review")
    @Operation(summary = "Review the order (定单审核)",
            description = "P2: APPROVE → inProgress, step survey, the due date watched (ORDER_DUE); RETURN (退单) with a reason "
                    + "→ pending, the business manager notified.")
    public Uni<Response> review(@PathParam("id") String id, @Valid @NotNull ReviewRequest body,
                                @HeaderParam(IF_MATCH) String ifMatch) {
        return service.review(id(id), body, ifMatch).map(this::ok);
    }

    @POST
    @Path("{id}/resubmit")
    @Operation(summary = "Resubmit a returned order", description = "P2: the business manager sends it back for review, "
            + "corrected → acknowledged.")
    public Uni<Response> resubmit(@PathParam("id") String id, @Valid @NotNull ResubmitRequest body,
                                  @HeaderParam(IF_MATCH) String ifMatch) {
        return service.resubmit(id(id), body, ifMatch).map(this::ok);
    }

    @POST
    @Path("{id}/project-manager")
    @Operation(summary = "Name the project manager (确定项目经理)",
            description = "P3: a person with the PROJECT_MANAGER role; the first naming starts the survey timer "
                    + "(2 working days, end of day).")
    public Uni<Response> projectManager(@PathParam("id") String id, @Valid @NotNull ProjectManagerRequest body,
                                        @HeaderParam(IF_MATCH) String ifMatch) {
        return service.nameProjectManager(id(id), body, ifMatch).map(this::ok);
    }

    @POST
    @Path("{id}/survey")
    @Operation(summary = "Survey done (详细资源勘查)",
            description = "P3: by the project manager; a property 物业 problem notifies the customer manager. Starts the plan "
                    + "timer (P4: 12 working days, onepoint.sla.working-days.plan).")
    public Uni<Response> survey(@PathParam("id") String id, @Valid @NotNull SurveyRequest body,
                                @HeaderParam(IF_MATCH) String ifMatch) {
        return service.survey(id(id), body, ifMatch).map(this::ok);
    }

    @POST
    @Path("{id}/plan")
    @Operation(summary = "Plan done (制定实施方案)",
            description = "P4: by the project manager; one ORDER_TASK work order per segment to its unit, each with its own due "
                    + "date (not after the order's) and timer. Construction starts; the progress-report timer runs when "
                    + "reports are required (P5).")
    public Uni<Response> plan(@PathParam("id") String id, @Valid @NotNull PlanRequest body,
                              @HeaderParam(IF_MATCH) String ifMatch) {
        return service.plan(id(id), body, ifMatch).map(this::ok);
    }

    @GET
    @Path("{id}/segments")
    @Operation(summary = "Segment tasks", description = "P4/P8: each segment with its unit, work order, due date and completion.")
    public Uni<List<SegmentView>> segments(@PathParam("id") String id) {
        return queries.segments(id(id)).map(l -> l.stream().map(s -> SegmentView.of(s.segment(), s.workOrder())).toList());
    }

    @POST
    @Path("{id}/progress-reports")
    @Operation(summary = "File a progress report (进度报告)",
            description = "P5: this week, next week, items to warn about; restarts the report timer (weekly, or the customer's "
                    + "cadence for an expedited order).")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ProgressReportView.class)))
    public Uni<Response> progressReport(@PathParam("id") String id, @Valid @NotNull ProgressReportRequest body,
                                        @HeaderParam(IF_MATCH) String ifMatch) {
        return service.progressReport(id(id), body, ifMatch)
                .map(r -> created(id, "progress-reports", r.id, ProgressReportView.of(r)));
    }

    @GET
    @Path("{id}/progress-reports")
    @Operation(summary = "Progress reports", description = "Oldest first.")
    public Uni<List<ProgressReportView>> progressReports(@PathParam("id") String id) {
        return queries.progressReports(id(id)).map(l -> l.stream().map(ProgressReportView::of).toList());
    }

    @POST
    @Path("{id}/warnings")
    @Operation(summary = "Warn that the order cannot finish on time (电路预警)",
            description = "P6: a reason from the fixed list (OTHER needs a text); at least 5 working days before the due date "
                    + "(3 for expedited orders), else 422 P6; only CUSTOMER may request an extension. Notifies the customer "
                    + "manager, business manager and network-ops support manager; publishes ServiceOrderJeopardyEvent.")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = "application/json", schema = @Schema(implementation = WarningView.class)))
    public Uni<Response> warn(@PathParam("id") String id, @Valid @NotNull WarningRequest body,
                              @HeaderParam(IF_MATCH) String ifMatch) {
        return service.warn(id(id), body, ifMatch).map(w -> created(id, "warnings", w.id, WarningView.of(w)));
    }

    @GET
    @Path("{id}/warnings")
    @Operation(summary = "Warnings", description = "Oldest first.")
    public Uni<List<WarningView>> warnings(@PathParam("id") String id) {
        return queries.warnings(id(id)).map(l -> l.stream().map(WarningView::of).toList());
    }

    @POST
    @Path("{id}/warnings/{warningId}/grant-extension")
    @Operation(summary = "Grant the extension a customer-caused warning requested",
            description = "P6: by the order's customer manager or business manager; moves the due date (and the due timer).")
    public Uni<WarningView> grantExtension(@PathParam("id") String id, @PathParam("warningId") String warningId,
                                           @Valid @NotNull GrantExtensionRequest body,
                                           @HeaderParam(IF_MATCH) String ifMatch) {
        return service.grantExtension(id(id), Ids.parse("warning", warningId), body, ifMatch).map(WarningView::of);
    }

    @POST
    @Path("{id}/segment-completions")
    @Operation(summary = "Report a segment complete (分段填报竣工)",
            description = "P8: by the segment's unit, with its passed test result and report (P7); completes the segment's work "
                    + "order. When every segment is complete the order moves to step testing.")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = "application/json", schema = @Schema(implementation = SegmentView.class)))
    public Uni<Response> segmentCompletion(@PathParam("id") String id, @Valid @NotNull SegmentCompletionRequest body,
                                           @HeaderParam(IF_MATCH) String ifMatch) {
        return service.completeSegment(id(id), body, ifMatch)
                .map(s -> created(id, "segments", s.id, SegmentView.of(s, null)));
    }

    @POST
    @Path("{id}/tests")
    @Operation(summary = "Record the full test (业务调试)",
            description = "P7: by the lead bureau; end to end when mandatory (A端电路, MSTP, other carrier, or asked for), else a "
                    + "seamless test to the far-end exit; a pass needs its report. The first passed report of a cross-domain "
                    + "circuit starts the resource-system timer (P8: 2 working days).")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = "application/json", schema = @Schema(implementation = TestView.class)))
    public Uni<Response> test(@PathParam("id") String id, @Valid @NotNull TestRequest body,
                              @HeaderParam(IF_MATCH) String ifMatch) {
        return service.test(id(id), body, ifMatch).map(t -> created(id, "tests", t.id, TestView.of(t)));
    }

    @GET
    @Path("{id}/tests")
    @Operation(summary = "Full tests", description = "Oldest first.")
    public Uni<List<TestView>> tests(@PathParam("id") String id) {
        return queries.tests(id(id)).map(l -> l.stream().map(TestView::of).toList());
    }

    @POST
    @Path("{id}/completion")
    @Operation(summary = "Report full completion (全程报竣)",
            description = "P8: by the lead bureau only, after every segment is complete (422 P8) and a qualifying passed test "
                    + "with its report (422 P7); completion time is now; sign-off recorded (not signed notifies the customer "
                    + "manager); the CRM delivery-note timer starts (1 working day).")
    public Uni<Response> complete(@PathParam("id") String id, @Valid @NotNull CompletionRequest body,
                                  @HeaderParam(IF_MATCH) String ifMatch) {
        return service.complete(id(id), body, ifMatch).map(this::ok);
    }

    @POST
    @Path("{id}/resource-registration")
    @Operation(summary = "Registered in the long-distance resource system",
            description = "P8: after the full test report; stops the resource-system timer.")
    public Uni<Response> registerResources(@PathParam("id") String id, @Valid @NotNull RecordRequest body,
                                           @HeaderParam(IF_MATCH) String ifMatch) {
        return service.registerResources(id(id), body, ifMatch).map(this::ok);
    }

    @POST
    @Path("{id}/delivery-note")
    @Operation(summary = "CRM delivery note issued (竣工交付单)", description = "P8: stops the CRM delivery-note timer.")
    public Uni<Response> deliveryNote(@PathParam("id") String id, @Valid @NotNull RecordRequest body,
                                      @HeaderParam(IF_MATCH) String ifMatch) {
        return service.deliveryNote(id(id), body, ifMatch).map(this::ok);
    }

    @POST
    @Path("{id}/cancel")
    @Operation(summary = "Cancel", description = "Open segment work orders and every timer of the order are cancelled.")
    public Uni<Response> cancel(@PathParam("id") String id, @Valid @NotNull ActorRequest body,
                                @HeaderParam(IF_MATCH) String ifMatch) {
        return service.cancel(id(id), body.personId(), body.note(), ifMatch).map(this::ok);
    }

    @GET
    @Path("{id}/notifications")
    @Operation(summary = "Who was told", description = "P2 return, P3 property problem, P6 warnings, P8 not signed: "
            + "one notification per person, oldest first.")
    public Uni<List<NotificationView>> notifications(@PathParam("id") String id) {
        return queries.notifications(id(id)).map(l -> l.stream().map(NotificationView::of).toList());
    }

    private static UUID id(String raw) {
        return Ids.parse("order", raw);
    }

    private Response ok(ProvisioningOrder o) {
        OrderView v = views.of(o);
        return Response.ok(v).tag(Versions.etag(o.version)).build();
    }

    private static Response created(String orderId, String sub, UUID id, Object view) {
        return Response.created(URI.create("orders/" + orderId + "/" + sub + "/" + id)).entity(view).build();
    }
}
