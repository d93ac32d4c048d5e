package cn.onepoint.sla;

import cn.onepoint.sla.dto.TimerView;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/**
 * The timers of one work order. A query by subject id only: the timer engine never imports the feature, and
 * this path is more specific than the feature's own resource, so the two live side by side.
 */
@Path("work-orders/{id}/timers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Timers")
public class WorkOrderTimersResource {

    private final TimerService timers;

    public WorkOrderTimersResource(TimerService timers) {
        this.timers = timers;
    }

    @GET
    @Operation(summary = "Timers of a work order", description = "Oldest first; running, paused and finished ones.")
    public Uni<List<TimerView>> timers(@PathParam("id") String id) {
        return SubjectTimers.list(timers, SubjectType.WORK_ORDER, "work order", id);
    }
}
