package cn.onepoint.presales;

import cn.onepoint.common.Ids;
import cn.onepoint.common.PageParams;
import cn.onepoint.common.Paging;
import cn.onepoint.common.Versions;
import cn.onepoint.presales.dto.CreateNodeRequest;
import cn.onepoint.presales.dto.HistoryView;
import cn.onepoint.presales.dto.NodePatch;
import cn.onepoint.presales.dto.ResourceNodeView;
import cn.onepoint.sla.SubjectType;
import cn.onepoint.sla.dto.NotificationView;
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

/** Node resource reserves and their thresholds (S2). */
@Path("resource-nodes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Pre-sales")
public class ResourceNodeResource {

    private final ResourceNodeService service;
    private final PresalesReads reads;

    public ResourceNodeResource(ResourceNodeService service, PresalesReads reads) {
        this.service = service;
        this.reads = reads;
    }

    @POST
    @Operation(summary = "Record a node's resource and its threshold (资源预警门限)",
            description = "S2: cceId a (chief) customer engineer, chiefCmId a (chief) customer manager (else 422 S2). Created "
                    + "already below the threshold, it warns and raises a build request at once (see PATCH).")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ResourceNodeView.class)))
    public Uni<Response> create(@Valid @NotNull CreateNodeRequest body) {
        return service.create(body).map(n -> Response.created(URI.create("resource-nodes/" + n.id))
                .entity(ResourceNodeView.of(n)).tag(Versions.etag(n.version)).build());
    }

    @GET
    @Operation(summary = "List resource nodes", description = "Paged; filter by unitId, belowThreshold=true|false; "
            + "sort=-createdAt (code, createdAt, free, updatedAt).")
    public Uni<Response> list(@QueryParam("unitId") String unitId,
                              @Parameter(description = "true, false") @QueryParam("belowThreshold") String belowThreshold,
                              @QueryParam("sort") String sort, @Valid @BeanParam PageParams page) {
        return service.list(new ResourceNodeService.Filter(unitId, belowThreshold, sort), page)
                .map(p -> Paging.ok(p.map(ResourceNodeView::of)));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Get a resource node", description = "With an ETag for If-Match.")
    public Uni<Response> get(@PathParam("id") String id) {
        return service.get(id(id)).map(n -> Response.ok(ResourceNodeView.of(n)).tag(Versions.etag(n.version)).build());
    }

    @PATCH
    @Path("{id}")
    @Operation(summary = "Update a node's free quantity or threshold",
            description = "S2: when the free quantity is below the threshold and no build request of the node is open, the "
                    + "(chief) customer engineer's warning goes to the (chief) customer manager (a notification, and "
                    + "ResourceThresholdWarningEvent on the feed) and a build request is raised to the network-development "
                    + "department of the node's unit; not again while that request is open.")
    public Uni<Response> update(@PathParam("id") String id, @Valid @NotNull NodePatch body,
                                @HeaderParam("If-Match") String ifMatch) {
        return service.update(id(id), body, ifMatch)
                .map(n -> Response.ok(ResourceNodeView.of(n)).tag(Versions.etag(n.version)).build());
    }

    @GET
    @WithSession
    @Path("{id}/history")
    @Operation(summary = "Resource node history", description = "Every level change, warning and build request closed, "
            + "oldest first.")
    public Uni<List<HistoryView>> history(@PathParam("id") String id) {
        return service.get(id(id)).chain(n -> reads.history(n.id));
    }

    @GET
    @WithSession
    @Path("{id}/notifications")
    @Operation(summary = "Who was warned", description = "S2: the (chief) customer manager, once per build request raised; "
            + "oldest first.")
    public Uni<List<NotificationView>> notifications(@PathParam("id") String id) {
        return service.get(id(id)).chain(n -> reads.notifications(SubjectType.RESOURCE_NODE, n.id));
    }

    private static UUID id(String raw) {
        return Ids.parse("resource node", raw);
    }
}
