package cn.onepoint.notify;

import cn.onepoint.common.FieldErrors;
import cn.onepoint.common.PageParams;
import cn.onepoint.common.Paging;
import cn.onepoint.common.Query;
import cn.onepoint.notify.dto.DeliveryView;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

/** What was sent, is waiting, or failed for good, per channel (read-only; docs/notifications.md). */
@Path("notifications")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Notifications", description = "Deliveries of notifications through the log, e-mail and webhooks")
public class NotificationResource {

    @GET
    @WithSession
    @Operation(summary = "List notification deliveries",
            description = "Newest first, paged (X-Total-Count, X-Result-Count). Filters: state (PENDING, SENT, FAILED), "
                    + "channel (LOG, EMAIL, WEBHOOK), each repeatable or comma-separated for OR; recipientId; sourceId "
                    + "(the ticket, cutover, … it is about).")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json",
            schema = @Schema(type = SchemaType.ARRAY, implementation = DeliveryView.class)))
    public Uni<Response> list(@Parameter(description = "PENDING, SENT, FAILED") @QueryParam("state") List<String> state,
                              @Parameter(description = "LOG, EMAIL, WEBHOOK") @QueryParam("channel") List<String> channel,
                              @QueryParam("recipientId") String recipientId, @QueryParam("sourceId") String sourceId,
                              @Valid @BeanParam PageParams page) {
        FieldErrors errors = new FieldErrors();
        List<DeliveryState> states = errors.enums("state", state, DeliveryState.class);
        List<Channel> channels = errors.enums("channel", channel, Channel.class);
        UUID recipient = errors.uuid("recipientId", recipientId);
        UUID source = errors.uuid("sourceId", sourceId);
        errors.throwIfAny();
        Query q = new Query().in("state", states).in("channel", channels).eq("recipientId", recipient)
                .eq("sourceId", source).orderBy("createdAt desc, id desc");
        return Paging.fetch(q, page, (w, p) -> NotificationDelivery.count(w, p),
                        (w, p) -> NotificationDelivery.<NotificationDelivery>find(w, p))
                .map(p -> Paging.ok(p.map(DeliveryView::of)));
    }
}
