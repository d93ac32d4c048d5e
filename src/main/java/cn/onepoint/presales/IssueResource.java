package cn.onepoint.presales;

import cn.onepoint.common.Ids;
import cn.onepoint.common.PageParams;
import cn.onepoint.common.Paging;
import cn.onepoint.common.Versions;
import cn.onepoint.presales.dto.CreateIssueRequest;
import cn.onepoint.presales.dto.HistoryView;
import cn.onepoint.presales.dto.IssueItemView;
import cn.onepoint.presales.dto.IssuePatch;
import cn.onepoint.sla.SubjectType;
import cn.onepoint.sla.dto.TimerView;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
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

/** A project's issue management table 问题管理表 (S3). */
@Path("projects/{projectId}/issues")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Pre-sales")
public class IssueResource {

    private final IssueService service;
    private final PresalesReads reads;

    public IssueResource(IssueService service, PresalesReads reads) {
        this.service = service;
        this.reads = reads;
    }

    @POST
    @Operation(summary = "Add an issue to the project's table",
            description = "S3: description 问题描述, target 解决目标, due time 解决时间点 (in the future), owner 责任人; by a (chief) "
                    + "customer engineer (else 403 S3); not on a cancelled project (409). Status open; an ISSUE_ITEM timer "
                    + "watches the due time, and its breach flags the item overdue (TimerBreachEvent on the feed).")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = "application/json", schema = @Schema(implementation = IssueItemView.class)))
    public Uni<Response> create(@PathParam("projectId") String projectId, @Valid @NotNull CreateIssueRequest body) {
        return service.create(project(projectId), body).map(v -> Response.created(
                URI.create("projects/" + v.projectId() + "/issues/" + v.id())).entity(v).tag(Versions.etag(v.version()))
                .build());
    }

    @GET
    @Operation(summary = "The project's issue management table",
            description = "Paged (offset/limit, X-Total-Count); filter by status (repeat or comma for OR), ownerId, "
                    + "overdue=true|false (S3: flagged by the timer engine); sort=seq (seq, dueAt, createdAt, updatedAt).")
    public Uni<Response> list(@PathParam("projectId") String projectId,
                              @Parameter(description = "open, inProgress, resolved, cancelled") @QueryParam("status") List<String> status,
                              @QueryParam("ownerId") String ownerId,
                              @Parameter(description = "true, false") @QueryParam("overdue") String overdue,
                              @QueryParam("sort") String sort, @Valid @BeanParam PageParams page) {
        return service.list(project(projectId), new IssueService.Filter(status, ownerId, overdue, sort), page)
                .map(Paging::ok);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Get an issue item", description = "With overdue (S3) and an ETag for If-Match.")
    public Uni<Response> get(@PathParam("projectId") String projectId, @PathParam("id") String id) {
        return service.get(project(projectId), item(id)).map(IssueResource::ok);
    }

    @PATCH
    @Path("{id}")
    @Operation(summary = "Update an issue item",
            description = "S3: by a (chief) customer engineer or the item's owner (else 403 S3); absent fields stay. status "
                    + "open → inProgress → resolved, or cancelled (another move, or any change of a resolved or cancelled "
                    + "item, is 409). A new dueAt restarts the item's timer; resolved stops it; cancelled cancels it. "
                    + "Every change is in the history.")
    public Uni<Response> update(@PathParam("projectId") String projectId, @PathParam("id") String id,
                                @Valid @NotNull IssuePatch body, @HeaderParam("If-Match") String ifMatch) {
        return service.update(project(projectId), item(id), body, ifMatch).map(IssueResource::ok);
    }

    @GET
    @WithSession
    @Path("{id}/history")
    @Operation(summary = "Issue item history", description = "Every change with actor and time, oldest first.")
    public Uni<List<HistoryView>> history(@PathParam("projectId") String projectId, @PathParam("id") String id) {
        return service.item(project(projectId), item(id)).chain(i -> reads.history(i.id));
    }

    @GET
    @WithSession
    @Path("{id}/timers")
    @Operation(summary = "Timers of an issue item", description = "S3: its ISSUE_ITEM timers (one per due time), oldest first.")
    public Uni<List<TimerView>> timers(@PathParam("projectId") String projectId, @PathParam("id") String id) {
        return service.item(project(projectId), item(id)).chain(i -> reads.timers(SubjectType.ISSUE_ITEM, i.id));
    }

    private static UUID project(String raw) {
        return Ids.parse("project", raw);
    }

    private static UUID item(String raw) {
        return Ids.parse("issue item", raw);
    }

    private static Response ok(IssueItemView v) {
        return Response.ok(v).tag(Versions.etag(v.version())).build();
    }
}
