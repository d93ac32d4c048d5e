package cn.onepoint.presales;

import cn.onepoint.common.Ids;
import cn.onepoint.common.PageParams;
import cn.onepoint.common.Paging;
import cn.onepoint.common.Versions;
import cn.onepoint.presales.dto.ActorRequest;
import cn.onepoint.presales.dto.AnswerRequest;
import cn.onepoint.presales.dto.CreateRequirementRequest;
import cn.onepoint.presales.dto.HistoryView;
import cn.onepoint.presales.dto.RequirementView;
import cn.onepoint.presales.dto.ResourceCheckView;
import cn.onepoint.sla.SubjectType;
import cn.onepoint.sla.dto.TimerView;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
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

/** Requirement orders 业务需求单 and their resource checks 资源核查 (S1). */
@Path("requirements")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Pre-sales", description = "售前: projects and their steps, requirement orders and resource checks, "
        + "node resource thresholds and build requests, the issue management table (S1–S4)")
public class RequirementResource {

    private final RequirementService service;
    private final RequirementQueries queries;
    private final PresalesReads reads;

    public RequirementResource(RequirementService service, RequirementQueries queries, PresalesReads reads) {
        this.service = service;
        this.queries = queries;
        this.reads = reads;
    }

    @POST
    @Operation(summary = "Issue a requirement order (下达业务需求单)",
            description = "S1: by a (chief) customer manager (else 403 S1); QUERY 查询型 or ORDER 定单型. One resource check per "
                    + "segment (A access, backbone when backboneUnitId is given, Z access when zEnd is given), each for the "
                    + "segment's unit; the checks cover the network up to the customer's red line, not the property. "
                    + "Status checking; a human number RQyyyyMMddNNNN. Every bad field named at once.")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = "application/json", schema = @Schema(implementation = RequirementView.class)))
    public Uni<Response> create(@Valid @NotNull CreateRequirementRequest body) {
        return service.create(body).map(v -> Response.created(URI.create("requirements/" + v.id()))
                .entity(v).tag(Versions.etag(v.version())).build());
    }

    @GET
    @Operation(summary = "List requirement orders",
            description = "Paged (offset/limit, X-Total-Count); filter by kind and status (repeat or comma for OR), customerId, "
                    + "projectId, requestedBy, expired=true|false (S1: the validity timer has expired); "
                    + "sort=-createdAt (createdAt, number, requiredDate, updatedAt, validUntil).")
    public Uni<Response> list(@Parameter(description = "QUERY, ORDER") @QueryParam("kind") List<String> kind,
                              @Parameter(description = "checking, secondCheck, answered, cancelled")
                              @QueryParam("status") List<String> status,
                              @QueryParam("customerId") String customerId, @QueryParam("projectId") String projectId,
                              @QueryParam("requestedBy") String requestedBy,
                              @Parameter(description = "true, false") @QueryParam("expired") String expired,
                              @QueryParam("sort") String sort, @Valid @BeanParam PageParams page) {
        return queries.list(new RequirementQueries.Filter(kind, status, customerId, projectId, requestedBy, expired, sort),
                page).map(Paging::ok);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Get a requirement order", description = "With its checks of every round, the result, validUntil "
            + "and expired (S1), and an ETag for If-Match on actions.")
    public Uni<Response> get(@PathParam("id") String id) {
        return queries.view(id(id)).map(RequirementResource::ok);
    }

    @GET
    @Path("{id}/resource-checks")
    @Operation(summary = "Resource checks of a requirement order", description = "S1: one per segment and round (round 2 is "
            + "the second check 二次核查), round by round.")
    public Uni<List<ResourceCheckView>> checks(@PathParam("id") String id) {
        return queries.checks(id(id)).map(l -> l.stream().map(ResourceCheckView::of).toList());
    }

    @POST
    @Path("{id}/resource-checks/{checkId}/answer")
    @Operation(summary = "Answer a segment's resource check",
            description = "S1: AVAILABLE, NOT_AVAILABLE 不具备 or SCHEDULE_NOT_MET 不满足. Round 1 by a person of the segment's unit, "
                    + "round 2 by a (chief) customer engineer or project manager (else 403 S1). When a round's last segment "
                    + "answers: a negative answer in round 1 opens the second check of those segments (status secondCheck, "
                    + "round 2); otherwise the result is final (status answered) and valid for a calendar month "
                    + "(onepoint.sla.resource-check-validity-months), watched by a RESOURCE_CHECK_VALIDITY timer. An answered "
                    + "check, or one of an earlier round, is 409 CHECK_ANSWERED.")
    public Uni<Response> answer(@PathParam("id") String id, @PathParam("checkId") String checkId,
                                @Valid @NotNull AnswerRequest body, @HeaderParam("If-Match") String ifMatch) {
        return service.answer(id(id), Ids.parse("resource check", checkId), body, ifMatch).map(RequirementResource::ok);
    }

    @POST
    @Path("{id}/cancel")
    @Operation(summary = "Withdraw a requirement order", description = "By the customer manager who issued it (else 403 S1); "
            + "its validity timer is cancelled.")
    public Uni<Response> cancel(@PathParam("id") String id, @Valid @NotNull ActorRequest body,
                                @HeaderParam("If-Match") String ifMatch) {
        return service.cancel(id(id), body.personId(), body.note(), ifMatch).map(RequirementResource::ok);
    }

    @GET
    @WithSession
    @Path("{id}/history")
    @Operation(summary = "Requirement order history", description = "Every change with actor and time, oldest first.")
    public Uni<List<HistoryView>> history(@PathParam("id") String id) {
        UUID rid = id(id);
        return queries.get(rid).chain(r -> reads.history(rid));
    }

    @GET
    @WithSession
    @Path("{id}/timers")
    @Operation(summary = "Timers of a requirement order", description = "S1: the RESOURCE_CHECK_VALIDITY timer, oldest first.")
    public Uni<List<TimerView>> timers(@PathParam("id") String id) {
        UUID rid = id(id);
        return queries.get(rid).chain(r -> reads.timers(SubjectType.REQUIREMENT, rid));
    }

    private static UUID id(String raw) {
        return Ids.parse("requirement", raw);
    }

    private static Response ok(RequirementView v) {
        return Response.ok(v).tag(Versions.etag(v.version())).build();
    }
}
