package cn.onepoint.ticket;

import cn.onepoint.auth.Access;
import cn.onepoint.common.Ids;
import cn.onepoint.common.PageParams;
import cn.onepoint.common.Paging;
import cn.onepoint.common.Versions;
import cn.onepoint.ticket.dto.ChangeResponsibleRequest;
import cn.onepoint.ticket.dto.CloseRequest;
import cn.onepoint.ticket.dto.CreateTicketRequest;
import cn.onepoint.ticket.dto.CustomerUpdateRequest;
import cn.onepoint.ticket.dto.CustomerUpdateView;
import cn.onepoint.ticket.dto.DispatchRequest;
import cn.onepoint.ticket.dto.FeedbackRequest;
import cn.onepoint.ticket.dto.FeedbackView;
import cn.onepoint.ticket.dto.FlagsRequest;
import cn.onepoint.ticket.dto.HistoryView;
import cn.onepoint.ticket.dto.LocalPreCheckRequest;
import cn.onepoint.ticket.dto.PersonAction;
import cn.onepoint.ticket.dto.ProvinceReviewRequest;
import cn.onepoint.ticket.dto.RestoreRequest;
import cn.onepoint.ticket.dto.SegmentTestRequest;
import cn.onepoint.ticket.dto.SegmentTestView;
import cn.onepoint.ticket.dto.SlaView;
import cn.onepoint.sla.TimerService;
import cn.onepoint.sla.dto.EscalationView;
import cn.onepoint.ticket.dto.SuspensionDecision;
import cn.onepoint.ticket.dto.SuspensionRequest;
import cn.onepoint.ticket.dto.SuspensionView;
import cn.onepoint.ticket.dto.TicketView;
import cn.onepoint.workorder.WorkOrderService;
import cn.onepoint.workorder.dto.ProgressView;
import cn.onepoint.workorder.dto.WorkOrderView;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
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
import java.util.UUID;

/** Fault tickets 故障单 (T1–T12, T16): intake, handling, suspension, restore, repair, close. */
@Path("tickets")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tickets", description = "Fault tickets: intake to close and the final report (T1–T17)")
public class TicketResource {

    private static final String IF_MATCH = "If-Match";

    private final TicketService service;
    private final TicketQueries queries;
    private final WorkOrderService workOrders;
    private final TicketSla sla;
    private final TimerService timers;
    private final Access access;

    public TicketResource(TicketService service, TicketQueries queries, WorkOrderService workOrders, TicketSla sla,
                          TimerService timers, Access access) {
        this.access = access;
        this.service = service;
        this.queries = queries;
        this.workOrders = workOrders;
        this.sla = sla;
        this.timers = timers;
    }

    @POST
    @Operation(summary = "Take a fault (intake)",
            description = "T1–T3: every mandatory field, every bad one named at once; scope derived (GROUP for group-level "
                    + "customers and cross-province circuits); status acknowledged; a human number FTyyyyMMddNNNN.")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = "application/json", schema = @Schema(implementation = TicketView.class)))
    public Uni<Response> create(@Valid @NotNull CreateTicketRequest body) {
        access.intake(body.channel() == Channel.ALARM);
        return service.create(body).map(t -> Response.created(URI.create("tickets/" + t.id))
                .entity(TicketView.of(t)).tag(Versions.etag(t.version)).build());
    }

    @GET
    @Operation(summary = "List tickets",
            description = "Paged (offset/limit, X-Total-Count); filter by status, scope (repeat or comma for OR), customerId, "
                    + "circuitId, unitId (accepting, dispatching or dispatched-to), createdFrom/createdTo; sort=-createdAt.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json", schema = @Schema(implementation = TicketView.class, type = SchemaType.ARRAY)))
    public Uni<Response> list(@QueryParam("status") List<String> status, @QueryParam("scope") List<String> scope,
                              @QueryParam("customerId") String customerId, @QueryParam("circuitId") String circuitId,
                              @QueryParam("unitId") String unitId,
                              @Parameter(description = "ISO-8601 instant, inclusive") @QueryParam("createdFrom") String createdFrom,
                              @Parameter(description = "ISO-8601 instant, exclusive") @QueryParam("createdTo") String createdTo,
                              @Parameter(description = "createdAt, occurredAt, number, updatedAt; '-' for descending")
                              @QueryParam("sort") String sort,
                              @Valid @BeanParam PageParams page) {
        TicketQueries.Filter f = new TicketQueries.Filter(status, scope, customerId, circuitId, unitId, createdFrom,
                createdTo, sort);
        return queries.list(f, page).map(p -> Paging.ok(p.map(TicketView::of)));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Get a ticket", description = "By its id or by its number (FT202611250001). With an ETag "
            + "(its version) for If-Match on actions.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json", schema = @Schema(implementation = TicketView.class)))
    public Uni<Response> get(@Parameter(description = "The ticket's id, or its number", example = "FT202611250001")
                             @PathParam("id") String id) {
        return queries.get(id).map(TicketResource::ok);
    }

    @GET
    @Path("{id}/history")
    @Operation(summary = "Ticket history", description = "Every change with actor, unit and time, oldest first.")
    public Uni<List<HistoryView>> history(@PathParam("id") String id) {
        return queries.history(id(id)).map(l -> l.stream().map(HistoryView::of).toList());
    }

    @POST
    @Path("{id}/accept")
    @Operation(summary = "Accept", description = "T6: the acceptor becomes the one first responsible person; "
            + "a cross-province fault taken by a local unit goes to the local pre-check (T4).")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json", schema = @Schema(implementation = TicketView.class)))
    public Uni<Response> accept(@PathParam("id") String id, @Valid @NotNull PersonAction body,
                                @HeaderParam(IF_MATCH) String ifMatch) {
        return service.accept(id(id), body.personId(), ifMatch).map(TicketResource::ok);
    }

    @POST
    @Path("{id}/responsible-person")
    @Operation(summary = "Change the first responsible person", description = "T6: recorded with its reason.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json", schema = @Schema(implementation = TicketView.class)))
    public Uni<Response> changeResponsible(@PathParam("id") String id, @Valid @NotNull ChangeResponsibleRequest body,
                                           @HeaderParam(IF_MATCH) String ifMatch) {
        return service.changeResponsible(id(id), body, ifMatch).map(TicketResource::ok);
    }

    @POST
    @Path("{id}/local-pre-check")
    @Operation(summary = "Record the local pre-check", description = "T4: the local unit checks its own local segment first.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json", schema = @Schema(implementation = TicketView.class)))
    public Uni<Response> localPreCheck(@PathParam("id") String id, @Valid @NotNull LocalPreCheckRequest body,
                                       @HeaderParam(IF_MATCH) String ifMatch) {
        return service.localPreCheck(id(id), body, ifMatch).map(TicketResource::ok);
    }

    @POST
    @Path("{id}/province-review")
    @Operation(summary = "Record the province review", description = "T4: the province confirms, then dispatches in parallel within 5 minutes.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json", schema = @Schema(implementation = TicketView.class)))
    public Uni<Response> provinceReview(@PathParam("id") String id, @Valid @NotNull ProvinceReviewRequest body,
                                        @HeaderParam(IF_MATCH) String ifMatch) {
        return service.provinceReview(id(id), body, ifMatch).map(TicketResource::ok);
    }

    @POST
    @Path("{id}/dispatches")
    @Operation(summary = "Dispatch to handling units",
            description = "T16: whole circuit in the dispatcher's jurisdiction → both access ends (mandatory) and the backbone at once; "
                    + "partly → the local access end first, then the far end and backbone after it reports no alarm and no "
                    + "configuration change. Creates one FAULT_DISPATCH work order per unit; answers with them.")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = "application/json", schema = @Schema(implementation = WorkOrderView.class, type = SchemaType.ARRAY)))
    public Uni<Response> dispatch(@PathParam("id") String id, @Valid @NotNull DispatchRequest body,
                                  @HeaderParam(IF_MATCH) String ifMatch) {
        return service.dispatch(id(id), body, ifMatch)
                .map(list -> Response.created(URI.create("tickets/" + id + "/dispatches"))
                        .entity(list.stream().map(WorkOrderView::of).toList()).build());
    }

    @GET
    @Path("{id}/dispatches")
    @WithSession
    @Operation(summary = "Work orders of this ticket", description = "Every dispatch, oldest first.")
    public Uni<List<WorkOrderView>> dispatches(@PathParam("id") String id) {
        return queries.get(id(id)).chain(t -> workOrders.ofSubject(t.id))
                .map(l -> l.stream().map(WorkOrderView::of).toList());
    }

    @GET
    @Path("{id}/progress")
    @WithSession
    @Operation(summary = "Progress reports", description = "T9: every handling unit's reports, oldest first "
            + "(units report on their work order: POST /work-orders/{id}/progress).")
    public Uni<List<ProgressView>> progress(@PathParam("id") String id) {
        return queries.get(id(id)).chain(t -> workOrders.progressOf(t.id))
                .map(l -> l.stream().map(ProgressView::of).toList());
    }

    @POST
    @Path("{id}/segment-tests")
    @Operation(summary = "Record a segment test", description = "T7: telecom side first; fault-free needs its test report (else 422 T7).")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = "application/json", schema = @Schema(implementation = SegmentTestView.class)))
    public Uni<Response> segmentTest(@PathParam("id") String id, @Valid @NotNull SegmentTestRequest body,
                                     @HeaderParam(IF_MATCH) String ifMatch) {
        return service.segmentTest(id(id), body, ifMatch)
                .map(x -> created(id, "segment-tests", x.id, SegmentTestView.of(x)));
    }

    @GET
    @Path("{id}/segment-tests")
    @Operation(summary = "Segment tests")
    public Uni<List<SegmentTestView>> segmentTests(@PathParam("id") String id) {
        return queries.segmentTests(id(id)).map(l -> l.stream().map(SegmentTestView::of).toList());
    }

    @POST
    @Path("{id}/customer-updates")
    @Operation(summary = "Update the customer", description = "T10: by the acceptor only; first within 30 minutes, then every 2 hours.")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = "application/json", schema = @Schema(implementation = CustomerUpdateView.class)))
    public Uni<Response> customerUpdate(@PathParam("id") String id, @Valid @NotNull CustomerUpdateRequest body,
                                        @HeaderParam(IF_MATCH) String ifMatch) {
        return service.customerUpdate(id(id), body, ifMatch)
                .map(x -> created(id, "customer-updates", x.id, CustomerUpdateView.of(x)));
    }

    @GET
    @Path("{id}/customer-updates")
    @Operation(summary = "Customer updates")
    public Uni<List<CustomerUpdateView>> customerUpdates(@PathParam("id") String id) {
        return queries.customerUpdates(id(id)).map(l -> l.stream().map(CustomerUpdateView::of).toList());
    }

    @POST
    @Path("{id}/feedback")
    @Operation(summary = "Post handler feedback", description = "T11: a dispatched handling unit asks the control desk.")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = "application/json", schema = @Schema(implementation = FeedbackView.class)))
    public Uni<Response> feedback(@PathParam("id") String id, @Valid @NotNull FeedbackRequest body,
                                  @HeaderParam(IF_MATCH) String ifMatch) {
        return service.feedback(id(id), body, ifMatch).map(x -> created(id, "feedback", x.id, FeedbackView.of(x)));
    }

    @GET
    @Path("{id}/feedback")
    @Operation(summary = "Handler feedback and answers")
    public Uni<List<FeedbackView>> feedbackList(@PathParam("id") String id) {
        return queries.feedback(id(id)).map(l -> l.stream().map(FeedbackView::of).toList());
    }

    @POST
    @Path("{id}/feedback/{feedbackId}/answer")
    @Operation(summary = "Answer handler feedback", description = "T11: the control desk answers within 5 minutes.")
    public Uni<FeedbackView> answer(@PathParam("id") String id, @PathParam("feedbackId") String feedbackId,
                                    @Valid @NotNull FeedbackRequest body, @HeaderParam(IF_MATCH) String ifMatch) {
        return service.answerFeedback(id(id), Ids.parse("feedback", feedbackId), body, ifMatch).map(FeedbackView::of);
    }

    @POST
    @Path("{id}/suspensions")
    @Operation(summary = "Request a suspension (挂起)",
            description = "T8: only a dispatched handling unit, only after the telecom side tested clean.")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = "application/json", schema = @Schema(implementation = SuspensionView.class)))
    public Uni<Response> requestSuspension(@PathParam("id") String id, @Valid @NotNull SuspensionRequest body,
                                           @HeaderParam(IF_MATCH) String ifMatch) {
        return service.requestSuspension(id(id), body, ifMatch)
                .map(x -> created(id, "suspensions", x.id, SuspensionView.of(x)));
    }

    @GET
    @Path("{id}/suspensions")
    @Operation(summary = "Suspensions", description = "T8: intervals kept for the exemption decided at close.")
    public Uni<List<SuspensionView>> suspensions(@PathParam("id") String id) {
        return queries.suspensions(id(id)).map(l -> l.stream().map(SuspensionView::of).toList());
    }

    @POST
    @Path("{id}/suspensions/{suspensionId}/approve")
    @Operation(summary = "Approve a suspension", description = "T8: the dispatcher, after confirming with the customer; status held.")
    public Uni<SuspensionView> approve(@PathParam("id") String id, @PathParam("suspensionId") String sid,
                                       @Valid @NotNull SuspensionDecision body, @HeaderParam(IF_MATCH) String ifMatch) {
        return service.decideSuspension(id(id), Ids.parse("suspension", sid), body, true, ifMatch)
                .map(SuspensionView::of);
    }

    @POST
    @Path("{id}/suspensions/{suspensionId}/refuse")
    @Operation(summary = "Refuse a suspension request")
    public Uni<SuspensionView> refuse(@PathParam("id") String id, @PathParam("suspensionId") String sid,
                                      @Valid @NotNull SuspensionDecision body, @HeaderParam(IF_MATCH) String ifMatch) {
        return service.decideSuspension(id(id), Ids.parse("suspension", sid), body, false, ifMatch)
                .map(SuspensionView::of);
    }

    @POST
    @Path("{id}/suspensions/{suspensionId}/resume")
    @Operation(summary = "Resume after a suspension", description = "T8: the resolution clock runs again.")
    public Uni<SuspensionView> resume(@PathParam("id") String id, @PathParam("suspensionId") String sid,
                                      @Valid @NotNull PersonAction body, @HeaderParam(IF_MATCH) String ifMatch) {
        return service.resume(id(id), Ids.parse("suspension", sid), body.personId(), ifMatch).map(SuspensionView::of);
    }

    @POST
    @Path("{id}/await-customer")
    @Operation(summary = "Wait for the customer", description = "Status pending: waiting on the customer for information.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json", schema = @Schema(implementation = TicketView.class)))
    public Uni<Response> awaitCustomer(@PathParam("id") String id, @Valid @NotNull PersonAction body,
                                       @HeaderParam(IF_MATCH) String ifMatch) {
        return service.awaitCustomer(id(id), body.personId(), body.note(), ifMatch).map(TicketResource::ok);
    }

    @POST
    @Path("{id}/customer-responded")
    @Operation(summary = "The customer answered", description = "Back to inProgress.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json", schema = @Schema(implementation = TicketView.class)))
    public Uni<Response> customerResponded(@PathParam("id") String id, @Valid @NotNull PersonAction body,
                                           @HeaderParam(IF_MATCH) String ifMatch) {
        return service.customerResponded(id(id), body.personId(), body.note(), ifMatch).map(TicketResource::ok);
    }

    @POST
    @Path("{id}/restore")
    @Operation(summary = "Service restored (业务恢复)", description = "T5: restore first; status resolved. The resolution limit is measured to this time.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json", schema = @Schema(implementation = TicketView.class)))
    public Uni<Response> restore(@PathParam("id") String id, @Valid @NotNull RestoreRequest body,
                                 @HeaderParam(IF_MATCH) String ifMatch) {
        return service.restore(id(id), body, ifMatch).map(TicketResource::ok);
    }

    @POST
    @Path("{id}/repair")
    @Operation(summary = "Fault repaired (故障修复)", description = "T5: repair later, recorded separately.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json", schema = @Schema(implementation = TicketView.class)))
    public Uni<Response> repair(@PathParam("id") String id, @Valid @NotNull RestoreRequest body,
                                @HeaderParam(IF_MATCH) String ifMatch) {
        return service.repair(id(id), body, ifMatch).map(TicketResource::ok);
    }

    @POST
    @Path("{id}/close")
    @Operation(summary = "Close", description = "T12: by the acceptor after the customer confirms; true cause and the cause told "
            + "to the customer, the difference flagged. A customer-caused fault may close unrestored once the customer is told.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json", schema = @Schema(implementation = TicketView.class)))
    public Uni<Response> close(@PathParam("id") String id, @Valid @NotNull CloseRequest body,
                               @HeaderParam(IF_MATCH) String ifMatch) {
        return service.close(id(id), body, ifMatch).map(TicketResource::ok);
    }

    @POST
    @Path("{id}/cancel")
    @Operation(summary = "Cancel", description = "E.g. registered twice; open work orders are cancelled.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json", schema = @Schema(implementation = TicketView.class)))
    public Uni<Response> cancel(@PathParam("id") String id, @Valid @NotNull PersonAction body,
                                @HeaderParam(IF_MATCH) String ifMatch) {
        return service.cancel(id(id), body.personId(), body.note(), ifMatch).map(TicketResource::ok);
    }

    @POST
    @Path("{id}/reject")
    @Operation(summary = "Reject", description = "Not a fault of ours; only before acceptance.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json", schema = @Schema(implementation = TicketView.class)))
    public Uni<Response> reject(@PathParam("id") String id, @Valid @NotNull PersonAction body,
                                @HeaderParam(IF_MATCH) String ifMatch) {
        return service.reject(id(id), body.personId(), body.note(), ifMatch).map(TicketResource::ok);
    }

    @POST
    @Path("{id}/flags")
    @Operation(summary = "Flag a major fault, headquarters outage or total outage (T13)",
            description = "Learnt after intake: each flag newly set escalates at once, as at intake (MAJOR_FAULT, "
                    + "CUSTOMER_HQ_OUTAGE, TOTAL_OUTAGE); absent fields stay as they are; a total outage cannot be unset.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json", schema = @Schema(implementation = TicketView.class)))
    public Uni<Response> flags(@PathParam("id") String id, @Valid @NotNull FlagsRequest body,
                               @HeaderParam(IF_MATCH) String ifMatch) {
        return service.flags(id(id), body, ifMatch).map(TicketResource::ok);
    }

    @GET
    @Path("{id}/sla")
    @Operation(summary = "Resolution figures (T5, T8)",
            description = "Elapsed time from acceptance to restoration, time suspended, and the exemption decided at close by "
                    + "the final cause (customer-side: exempt; otherwise counted); both figures, the limit, met or breached.")
    public Uni<SlaView> sla(@PathParam("id") String id) {
        return sla.view(id(id));
    }

    @POST
    @Path("{id}/escalations")
    @Operation(summary = "Record an external escalation (T14)",
            description = "The customer escalated directly or through the CM: recorded, notified, and the escalation level rises.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json", schema = @Schema(implementation = TicketView.class)))
    public Uni<Response> escalate(@PathParam("id") String id, @Valid @NotNull PersonAction body,
                                  @HeaderParam(IF_MATCH) String ifMatch) {
        return service.escalateExternally(id(id), body.personId(), body.note(), ifMatch).map(TicketResource::ok);
    }

    @GET
    @Path("{id}/escalations")
    @WithSession
    @Operation(summary = "Escalations of this ticket and its work orders (T13, T14)",
            description = "Breaches, total outage, assurance period and external escalations, tier by tier, with who was notified.")
    public Uni<List<EscalationView>> escalations(@PathParam("id") String id) {
        return queries.get(id(id)).chain(t -> workOrders.ofSubject(t.id).chain(wos -> {
            List<UUID> subjects = new java.util.ArrayList<>(List.of(t.id));
            wos.forEach(w -> subjects.add(w.id));
            return timers.escalationsOf(subjects);
        }));
    }

    private static UUID id(String raw) {
        return Ids.parse("ticket", raw);
    }

    static Response ok(Ticket t) {
        return Response.ok(TicketView.of(t)).tag(Versions.etag(t.version)).build();
    }

    private static Response created(String ticketId, String sub, UUID id, Object view) {
        return Response.created(URI.create("tickets/" + ticketId + "/" + sub + "/" + id)).entity(view).build();
    }
}
