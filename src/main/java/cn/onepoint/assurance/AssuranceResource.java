package cn.onepoint.assurance;

import cn.onepoint.common.Ids;
import cn.onepoint.common.PageParams;
import cn.onepoint.common.Paging;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
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
import java.time.Instant;

/** A2: assurance periods 重要时期通信保障. */
@Path("assurance-periods")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Assurance periods", description = "A2: windows in which every fault escalates at intake (T13)")
public class AssuranceResource {

    private final AssuranceService service;

    public AssuranceResource(AssuranceService service) {
        this.service = service;
    }

    @POST
    @Operation(summary = "Declare an assurance period", description = "A2: for every customer, or the ones named.")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = "application/json", schema = @Schema(implementation = AssurancePeriodView.class)))
    public Uni<Response> create(@Valid @NotNull AssurancePeriodRequest body) {
        return service.create(body).map(p -> Response.created(URI.create("assurance-periods/" + p.id))
                .entity(AssurancePeriodView.of(p)).build());
    }

    @GET
    @Operation(summary = "List assurance periods", description = "Not cancelled; with at=, only those covering that instant.")
    public Uni<Response> list(@Parameter(description = "ISO-8601 instant") @QueryParam("at") Instant at,
                              @Valid @BeanParam PageParams page) {
        return service.list(at, page).map(p -> Paging.ok(p.map(AssurancePeriodView::of)));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Get an assurance period")
    public Uni<AssurancePeriodView> get(@PathParam("id") String id) {
        return service.get(Ids.parse("assurance period", id)).map(AssurancePeriodView::of);
    }

    @POST
    @Path("{id}/cancel")
    @Operation(summary = "Cancel an assurance period")
    public Uni<AssurancePeriodView> cancel(@PathParam("id") String id) {
        return service.cancel(Ids.parse("assurance period", id)).map(AssurancePeriodView::of);
    }
}
