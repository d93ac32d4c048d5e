package cn.onepoint.presales;

import cn.onepoint.common.Ids;
import cn.onepoint.common.PageParams;
import cn.onepoint.common.Paging;
import cn.onepoint.common.Versions;
import cn.onepoint.presales.dto.BuildRequestView;
import cn.onepoint.presales.dto.CloseBuildRequest;
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

import java.util.List;

/** Build requests 建设需求 raised by node thresholds (S2). */
@Path("build-requests")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Pre-sales")
public class BuildRequestResource {

    private final ResourceNodeService service;

    public BuildRequestResource(ResourceNodeService service) {
        this.service = service;
    }

    @GET
    @Operation(summary = "List build requests", description = "S2: newest first, paged; filter by status (OPEN, CLOSED), "
            + "nodeId, unitId (the network-development department's unit).")
    public Uni<Response> list(@Parameter(description = "OPEN, CLOSED") @QueryParam("status") List<String> status,
                              @QueryParam("nodeId") String nodeId, @QueryParam("unitId") String unitId,
                              @Valid @BeanParam PageParams page) {
        return service.buildRequests(new ResourceNodeService.RequestFilter(status, nodeId, unitId), page)
                .map(p -> Paging.ok(p.map(BuildRequestView::of)));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Get a build request", description = "With an ETag for If-Match.")
    public Uni<Response> get(@PathParam("id") String id) {
        return service.buildRequest(Ids.parse("build request", id)).map(BuildRequestResource::ok);
    }

    @POST
    @Path("{id}/close")
    @Operation(summary = "Close a build request", description = "S2: by a person of the request's unit (else 403 S2), with "
            + "the outcome; a closed request is 409. The node's next fall below its threshold raises a new one.")
    public Uni<Response> close(@PathParam("id") String id, @Valid @NotNull CloseBuildRequest body,
                               @HeaderParam("If-Match") String ifMatch) {
        return service.close(Ids.parse("build request", id), body, ifMatch).map(BuildRequestResource::ok);
    }

    private static Response ok(BuildRequest r) {
        return Response.ok(BuildRequestView.of(r)).tag(Versions.etag(r.version)).build();
    }
}
