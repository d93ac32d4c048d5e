package cn.onepoint.ticket;

import cn.onepoint.common.Ids;
import cn.onepoint.ticket.dto.InformationRequest;
import cn.onepoint.ticket.dto.InformationView;
import cn.onepoint.ticket.dto.RelayRequest;
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

/** New information about a fault, passed on by the control desk to every handling unit (T11). */
@Path("tickets/{id}/information")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tickets")
public class InformationResource {

    private final InformationService service;

    public InformationResource(InformationService service) {
        this.service = service;
    }

    @POST
    @Operation(summary = "Record new information",
            description = "T11: what came in and who brought it; the control desk passes it on to every handling unit "
                    + "within 5 minutes (timer CONTROL_RELAY, from the oldest item still waiting).")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = "application/json", schema = @Schema(implementation = InformationView.class)))
    public Uni<Response> record(@PathParam("id") String id, @Valid @NotNull InformationRequest body,
                                @HeaderParam("If-Match") String ifMatch) {
        return service.record(Ids.parse("ticket", id), body, ifMatch)
                .map(v -> Response.created(URI.create("tickets/" + id + "/information/" + v.id())).entity(v).build());
    }

    @GET
    @Operation(summary = "Information of a ticket", description = "T11: oldest first, each with whom it was passed on to.")
    public Uni<List<InformationView>> list(@PathParam("id") String id) {
        return service.list(Ids.parse("ticket", id));
    }

    @POST
    @Path("{informationId}/relay")
    @Operation(summary = "Pass information on to every handling unit",
            description = "T11: by a control desk 管控工位; each handling unit's work order receives it "
                    + "(GET /work-orders/{id}/notices, WorkOrderNoticeEvent).")
    public Uni<InformationView> relay(@PathParam("id") String id, @PathParam("informationId") String informationId,
                                      @Valid @NotNull RelayRequest body, @HeaderParam("If-Match") String ifMatch) {
        return service.relay(Ids.parse("ticket", id), Ids.parse("information", informationId), body, ifMatch);
    }
}
