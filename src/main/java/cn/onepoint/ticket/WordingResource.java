package cn.onepoint.ticket;

import cn.onepoint.common.Ids;
import cn.onepoint.ticket.dto.WordingRequest;
import cn.onepoint.ticket.dto.WordingView;
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

/** The customer-facing wording 口径 of a fault (T13). */
@Path("tickets/{id}/wording")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tickets")
public class WordingResource {

    private final WordingService service;

    public WordingResource(WordingService service) {
        this.service = service;
    }

    @POST
    @Operation(summary = "Set the customer-facing wording (口径)",
            description = "T13: by a chief customer engineer (else 422 T13); supersedes the earlier one. Every handling "
                    + "unit receives it on its work order, and each of its people gets a notification; units dispatched "
                    + "later receive the wording in force.")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = "application/json", schema = @Schema(implementation = WordingView.class)))
    public Uni<Response> set(@PathParam("id") String id, @Valid @NotNull WordingRequest body,
                             @HeaderParam("If-Match") String ifMatch) {
        return service.set(Ids.parse("ticket", id), body, ifMatch)
                .map(v -> Response.created(URI.create("tickets/" + id + "/wording/" + v.id())).entity(v).build());
    }

    @GET
    @Operation(summary = "Wording history", description = "T13: oldest first; the current one has current=true.")
    public Uni<List<WordingView>> list(@PathParam("id") String id) {
        return service.list(Ids.parse("ticket", id));
    }
}
