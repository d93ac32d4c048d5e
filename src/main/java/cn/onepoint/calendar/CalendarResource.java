package cn.onepoint.calendar;

import cn.onepoint.auth.Access;
import cn.onepoint.calendar.dto.WorkingDaysView;
import cn.onepoint.calendar.dto.YearBody;
import cn.onepoint.calendar.dto.YearSummary;
import cn.onepoint.calendar.dto.YearView;
import cn.onepoint.common.Problem;
import cn.onepoint.common.Versions;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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

import java.net.URI;
import java.util.List;

/** Mainland China's working-day calendar: arithmetic, the days of a range, and the loaded years. */
@Path("/calendar")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Working calendar", description = "Working days per mainland China's official calendar (holidays and 调休)")
public class CalendarResource {

    private final CalendarService calendar;
    private final Access access;

    public CalendarResource(CalendarService calendar, Access access) {
        this.calendar = calendar;
        this.access = access;
    }

    @GET
    @Path("working-days")
    @NonBlocking
    @Operation(summary = "Add working days to a date, or count them between two dates",
            description = "With add: the add-th working day after from (from not counted; add=0 gives from or the "
                    + "next working day; negative counts backwards) and its deadline, the end of that day (default "
                    + "18:00 Asia/Shanghai). With to: working days in (from, to], negative when to is before from. "
                    + "A computation touching a year whose arrangement is not loaded is refused with 422 "
                    + "CALENDAR_YEAR_MISSING.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = WorkingDaysView.class)))
    @APIResponse(responseCode = "400", description = "A parameter is missing or malformed (each named in errors)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "CALENDAR_YEAR_MISSING: a year touched is not loaded",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public WorkingDaysView workingDays(
            @Parameter(description = "Start date (yyyy-MM-dd)", required = true, example = "2026-09-30", schema = @Schema(type = SchemaType.STRING, format = "date"))
            @QueryParam("from") String from,
            @Parameter(description = "Working days to add (integer, may be 0 or negative); give add or to",
                    schema = @Schema(type = SchemaType.INTEGER), example = "2")
            @QueryParam("add") String add,
            @Parameter(description = "End date (yyyy-MM-dd) to count working days to; give add or to", example = "2026-10-12",
                    schema = @Schema(type = SchemaType.STRING, format = "date"))
            @QueryParam("to") String to) {
        return calendar.workingDays(from, add, to);
    }

    @GET
    @Path("days")
    @NonBlocking
    @Operation(summary = "The days of a range with their kind",
            description = "Every day from from to to (both included, at most 366): WORKDAY, WEEKEND, HOLIDAY or "
                    + "ADJUSTED_WORKDAY (调休上班), with the holiday name.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = Day.class)))
    @APIResponse(responseCode = "400", description = "A parameter is missing, malformed, or the range is too long",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "CALENDAR_YEAR_MISSING: a year of the range is not loaded",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response days(
            @Parameter(description = "First day (yyyy-MM-dd)", required = true, example = "2026-09-28",
                    schema = @Schema(type = SchemaType.STRING, format = "date"))
            @QueryParam("from") String from,
            @Parameter(description = "Last day (yyyy-MM-dd), at most 365 days after from", required = true, example = "2026-10-11",
                    schema = @Schema(type = SchemaType.STRING, format = "date"))
            @QueryParam("to") String to) {
        List<Day> days = calendar.days(from, to);
        return Response.ok(days).header("X-Total-Count", days.size()).header("X-Result-Count", days.size()).build();
    }

    @GET
    @Path("years")
    @NonBlocking
    @Operation(summary = "The loaded years", description = "Which years have an arrangement, where it came from, and its counts.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = YearSummary.class)))
    public Response years() {
        List<YearSummary> years = calendar.years();
        return Response.ok(years).header("X-Total-Count", years.size()).header("X-Result-Count", years.size()).build();
    }

    @GET
    @Path("years/{year}")
    @NonBlocking
    @Operation(summary = "One loaded year with its listed days", description = "ETag is the year's version.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = YearView.class)))
    @APIResponse(responseCode = "404", description = "The year is not loaded",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response year(@Parameter(example = "2026") @PathParam("year") String year) {
        YearView view = calendar.year(year);
        return Response.ok(view).tag(Versions.etag(view.version())).build();
    }

    @PUT
    @Path("years/{year}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Load or replace a year's arrangement",
            description = "Body shaped like the bundled files: {source?, days:[{date, name, offDay}]}. offDay:true is a "
                    + "day off, offDay:false an adjusted working day (Saturday or Sunday only). Every bad entry is named "
                    + "(days[3].date). One transaction; takes effect at once on this replica and within "
                    + "onepoint.calendar.reload-interval on the others. Overrides a bundled year for good. If-Match is honoured.")
    @APIResponse(responseCode = "200", description = "Replaced", content = @Content(schema = @Schema(implementation = YearView.class)))
    @APIResponse(responseCode = "201", description = "Loaded for the first time", content = @Content(schema = @Schema(implementation = YearView.class)))
    @APIResponse(responseCode = "400", description = "Invalid entries, each named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match is not the current version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> putYear(@Parameter(example = "2027") @PathParam("year") String year,
                                 @HeaderParam("If-Match") String ifMatch, YearBody body) {
        access.directoryWrite();
        return calendar.putYear(year, body, ifMatch).map(w -> {
            YearView view = YearView.of(w.year());
            // relative to the base URI (…/api/v1/), which JAX-RS prepends
            Response.ResponseBuilder r = w.created()
                    ? Response.created(URI.create("calendar/years/" + view.year())) : Response.ok();
            return r.entity(view).tag(Versions.etag(view.version())).build();
        });
    }
}
