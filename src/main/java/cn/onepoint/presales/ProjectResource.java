package cn.onepoint.presales;

import cn.onepoint.common.Ids;
import cn.onepoint.common.PageParams;
import cn.onepoint.common.Paging;
import cn.onepoint.common.Versions;
import cn.onepoint.presales.dto.CreateProjectRequest;
import cn.onepoint.presales.dto.HistoryView;
import cn.onepoint.presales.dto.ProjectView;
import cn.onepoint.presales.dto.RequirementDocumentRequest;
import cn.onepoint.presales.dto.StepRequest;
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

/** Pre-sales projects and their steps (S4). */
@Path("projects")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Pre-sales")
public class ProjectResource {

    private final ProjectService service;
    private final PresalesReads reads;

    public ProjectResource(ProjectService service, PresalesReads reads) {
        this.service = service;
        this.reads = reads;
    }

    @POST
    @Operation(summary = "Take on a pre-sales project (项目承接)",
            description = "S4: by a (chief) customer engineer (else 403 S4), for a (chief) customer manager (else 422 S4); step intake; a "
                    + "human number PJyyyyMMddNNNN. Every bad field named at once.")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ProjectView.class)))
    public Uni<Response> create(@Valid @NotNull CreateProjectRequest body) {
        return service.create(body).map(v -> Response.created(URI.create("projects/" + v.id())).entity(v)
                .tag(Versions.etag(v.version())).build());
    }

    @GET
    @Operation(summary = "List pre-sales projects",
            description = "Paged (offset/limit, X-Total-Count); filter by step (repeat or comma for OR), customerId, "
                    + "customerEngineerId; sort=-createdAt (createdAt, name, number, updatedAt).")
    public Uni<Response> list(@Parameter(description = "intake, requirementSurvey, issueManagement, contractSupport, "
                                      + "resourceCheck, technicalSolution, completed, cancelled") @QueryParam("step") List<String> step,
                              @QueryParam("customerId") String customerId,
                              @QueryParam("customerEngineerId") String customerEngineerId,
                              @QueryParam("sort") String sort, @Valid @BeanParam PageParams page) {
        return service.list(new ProjectService.Filter(step, customerId, customerEngineerId, sort), page)
                .map(p -> Paging.ok(p.map(ProjectView::of)));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Get a pre-sales project", description = "With an ETag for If-Match on actions.")
    public Uni<Response> get(@PathParam("id") String id) {
        return service.get(id(id)).map(p -> ok(ProjectView.of(p)));
    }

    @POST
    @Path("{id}/steps")
    @Operation(summary = "Move a project to its next step",
            description = "S4: intake → requirementSurvey → issueManagement → contractSupport → resourceCheck → technicalSolution "
                    + "→ completed; any open step → cancelled (with a note). By a (chief) customer engineer (else 403 S4). Another "
                    + "step is 409 naming the current step and allowedActions. Leaving the survey needs the requirement "
                    + "document confirmed by the customer, the technical solution a passed resource check: every requirement "
                    + "order of the project (not withdrawn) answered AVAILABLE and not expired (else 422 S4).")
    public Uni<Response> step(@PathParam("id") String id, @Valid @NotNull StepRequest body,
                              @HeaderParam("If-Match") String ifMatch) {
        return service.step(id(id), body, ifMatch).map(ProjectResource::ok);
    }

    @POST
    @Path("{id}/requirement-document")
    @Operation(summary = "Record the requirement document (项目需求书)",
            description = "S4: in the requirementSurvey step only (else 409); by a (chief) customer engineer; customerConfirmed "
                    + "with the customer's contact records the customer's confirmation.")
    public Uni<Response> requirementDocument(@PathParam("id") String id, @Valid @NotNull RequirementDocumentRequest body,
                                             @HeaderParam("If-Match") String ifMatch) {
        return service.requirementDocument(id(id), body, ifMatch).map(ProjectResource::ok);
    }

    @GET
    @WithSession
    @Path("{id}/history")
    @Operation(summary = "Project history", description = "Every step and change with actor and time, oldest first.")
    public Uni<List<HistoryView>> history(@PathParam("id") String id) {
        UUID pid = id(id);
        return service.get(pid).chain(p -> reads.history(pid));
    }

    private static UUID id(String raw) {
        return Ids.parse("project", raw);
    }

    private static Response ok(ProjectView v) {
        return Response.ok(v).tag(Versions.etag(v.version())).build();
    }
}
