package cn.onepoint.ticket;

import cn.onepoint.common.Ids;
import cn.onepoint.ticket.dto.DifficultFaultView;
import cn.onepoint.ticket.dto.JoinRequest;
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

/** A difficult fault 疑难故障 and its joint handling (T17). */
@Path("tickets/{id}/difficult-fault")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tickets")
public class DifficultFaultResource {

    private final LoopTestService service;

    public DifficultFaultResource(LoopTestService service) {
        this.service = service;
    }

    @GET
    @Operation(summary = "The difficult fault",
            description = "T17: entered when the loop tests could not find the fault; who joined the joint handling, when "
                    + "(the dispatching and handling units at the start, then people who joined).")
    public Uni<DifficultFaultView> get(@PathParam("id") String id) {
        return service.difficultFaultOf(Ids.parse("ticket", id));
    }

    @POST
    @Path("participants")
    @Operation(summary = "Join the joint handling", description = "T17: a person (and their unit) joins, now.")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = "application/json", schema = @Schema(implementation = DifficultFaultView.class)))
    public Uni<Response> join(@PathParam("id") String id, @Valid @NotNull JoinRequest body,
                              @HeaderParam("If-Match") String ifMatch) {
        return service.join(Ids.parse("ticket", id), body, ifMatch)
                .map(v -> Response.created(URI.create("tickets/" + id + "/difficult-fault")).entity(v).build());
    }
}
