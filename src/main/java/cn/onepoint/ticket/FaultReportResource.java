package cn.onepoint.ticket;

import cn.onepoint.common.Ids;
import cn.onepoint.common.Versions;
import cn.onepoint.ticket.dto.FaultReportDraft;
import cn.onepoint.ticket.dto.FaultReportReview;
import cn.onepoint.ticket.dto.FaultReportView;
import cn.onepoint.ticket.dto.PersonAction;
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

/** The final fault report 故障处理报告 of a closed major, group-level or cross-province fault (T15). */
@Path("tickets/{id}/fault-report")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tickets")
public class FaultReportResource {

    private static final String OK = "OK";

    private final FaultReportService service;

    public FaultReportResource(FaultReportService service) {
        this.service = service;
    }

    @GET
    @Operation(summary = "The final fault report",
            description = "T15: due at close (timer FAULT_REPORT) for a major, group-level or cross-province fault; with "
                    + "an ETag (its version) for If-Match.")
    @APIResponse(responseCode = "200", description = OK, content = @Content(mediaType = "application/json", schema = @Schema(implementation = FaultReportView.class)))
    public Uni<Response> get(@PathParam("id") String id) {
        return service.get(Ids.parse("ticket", id)).map(FaultReportResource::ok);
    }

    @POST
    @Operation(summary = "Draft the report",
            description = "T15: occurrence time, cause, handling process; by a customer engineer (or chief) of the customer "
                    + "engineer's unit. A new draft after a review needs a new review. Before close 409; a fault that "
                    + "needs no report 422 T15.")
    @APIResponse(responseCode = "200", description = OK, content = @Content(mediaType = "application/json", schema = @Schema(implementation = FaultReportView.class)))
    public Uni<Response> draft(@PathParam("id") String id, @Valid @NotNull FaultReportDraft body,
                               @HeaderParam("If-Match") String ifMatch) {
        return service.draft(Ids.parse("ticket", id), body, ifMatch).map(FaultReportResource::ok);
    }

    @POST
    @Path("review")
    @Operation(summary = "Review the draft",
            description = "T15: approved, or returned to draft with a note; by a chief customer engineer or supervisor of "
                    + "the unit who did not draft it.")
    @APIResponse(responseCode = "200", description = OK, content = @Content(mediaType = "application/json", schema = @Schema(implementation = FaultReportView.class)))
    public Uni<Response> review(@PathParam("id") String id, @Valid @NotNull FaultReportReview body,
                                @HeaderParam("If-Match") String ifMatch) {
        return service.review(Ids.parse("ticket", id), body, ifMatch).map(FaultReportResource::ok);
    }

    @POST
    @Path("submit")
    @Operation(summary = "Submit the reviewed report",
            description = "T15: by a chief customer engineer or supervisor of the unit; the FAULT_REPORT timer is met.")
    @APIResponse(responseCode = "200", description = OK, content = @Content(mediaType = "application/json", schema = @Schema(implementation = FaultReportView.class)))
    public Uni<Response> submit(@PathParam("id") String id, @Valid @NotNull PersonAction body,
                                @HeaderParam("If-Match") String ifMatch) {
        return service.submit(Ids.parse("ticket", id), body.personId(), ifMatch).map(FaultReportResource::ok);
    }

    private static Response ok(FaultReport r) {
        return Response.ok(FaultReportView.of(r)).tag(Versions.etag(r.version)).build();
    }
}
