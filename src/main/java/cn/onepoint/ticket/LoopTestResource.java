package cn.onepoint.ticket;

import cn.onepoint.common.Ids;
import cn.onepoint.ticket.dto.LoopRequest;
import cn.onepoint.ticket.dto.LoopTestRequest;
import cn.onepoint.ticket.dto.LoopTestView;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;

/** Loop-back tests 打环测试 of a ticket (T17). */
@Path("tickets/{id}/loop-tests")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tickets")
public class LoopTestResource {

    private final LoopTestService service;

    public LoopTestResource(LoopTestService service) {
        this.service = service;
    }

    @POST
    @Operation(summary = "Agree loop-back tests with the customer",
            description = "T17: by the dispatching unit, for a BANDWIDTH circuit, once every dispatched unit (both access "
                    + "ends included) found no alarm and no configuration change. Without the customer's consent the other "
                    + "method is recorded and no loop may be made (status NO_CONSENT); with it the plan BOTH / ONE / NEITHER "
                    + "says whose customers cooperate, and the ticket enters phase loopTest.")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = "application/json", schema = @Schema(implementation = LoopTestView.class)))
    public Uni<Response> start(@PathParam("id") String id, @Valid @NotNull LoopTestRequest body,
                               @HeaderParam("If-Match") String ifMatch) {
        return service.start(Ids.parse("ticket", id), body, ifMatch)
                .map(v -> Response.created(URI.create("tickets/" + id + "/loop-tests/" + v.id())).entity(v).build());
    }

    @GET
    @Operation(summary = "Loop-back tests of a ticket", description = "T17: oldest first, each with its loops.")
    public Uni<List<LoopTestView>> list(@PathParam("id") String id) {
        return service.list(Ids.parse("ticket", id));
    }

    @GET
    @Path("{loopTestId}")
    @Operation(summary = "A loop-back test", description = "T17: its loops, the next ones the procedure calls for, the segment found.")
    public Uni<LoopTestView> get(@PathParam("id") String id, @PathParam("loopTestId") String loopTestId) {
        return service.get(Ids.parse("ticket", id), Ids.parse("loop test", loopTestId));
    }

    @POST
    @Path("{loopTestId}/loops")
    @Operation(summary = "Record a loop",
            description = "T17: by a handling unit of the ticket; the loop must be one the manual's procedure calls for now "
                    + "(else 422 T17 naming them). Answers the next loops and, once narrowed, the segment (A_ACCESS, BACKBONE, "
                    + "Z_ACCESS, CUSTOMER_PREMISES); when the loops cannot find it the ticket becomes a difficult fault "
                    + "(phase difficultFault, GET /tickets/{id}/difficult-fault). Without consent: 422 T17.")
    public Uni<LoopTestView> loop(@PathParam("id") String id, @PathParam("loopTestId") String loopTestId,
                                  @Valid @NotNull LoopRequest body, @HeaderParam("If-Match") String ifMatch) {
        return service.loop(Ids.parse("ticket", id), Ids.parse("loop test", loopTestId), body, ifMatch);
    }
}
