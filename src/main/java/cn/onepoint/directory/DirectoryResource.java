package cn.onepoint.directory;

import cn.onepoint.auth.Access;
import cn.onepoint.common.Ids;
import cn.onepoint.common.PageParams;
import cn.onepoint.common.Paging;
import cn.onepoint.directory.dto.CircuitRequest;
import cn.onepoint.directory.dto.CircuitView;
import cn.onepoint.directory.dto.CustomerRequest;
import cn.onepoint.directory.dto.CustomerView;
import cn.onepoint.directory.dto.PersonRequest;
import cn.onepoint.directory.dto.PersonView;
import cn.onepoint.directory.dto.UnitRequest;
import cn.onepoint.directory.dto.UnitView;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;

/** Directory (O1, O2, C1–C3): units, people, customers, circuits. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Directory", description = "Units, people, customers and circuits (O1–O2, C1–C3)")
public class DirectoryResource {

    private final DirectoryService directory;
    private final Access access;

    public DirectoryResource(DirectoryService directory, Access access) {
        this.directory = directory;
        this.access = access;
    }

    @POST
    @Path("units")
    @Operation(summary = "Create a unit", description = "O1: GROUP, PROVINCE or LOCAL; a LOCAL unit names its province unit.")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = "application/json", schema = @Schema(implementation = UnitView.class)))
    public Uni<Response> createUnit(@Valid @NotNull UnitRequest body) {
        access.directoryWrite();
        return directory.createUnit(body).map(u -> created("units", u.id.toString(), UnitView.of(u)));
    }

    @GET
    @Path("units")
    @Operation(summary = "List units", description = "Paged; filter by tier, kind, province, parent, code.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json", schema = @Schema(implementation = UnitView.class, type = SchemaType.ARRAY)))
    public Uni<Response> units(@QueryParam("tier") Tier tier, @QueryParam("kind") UnitKind kind,
                               @QueryParam("province") String province, @QueryParam("parentId") String parentId,
                               @QueryParam("code") String code, @Valid @BeanParam PageParams page) {
        return directory.units(tier, kind, province, parentId, code, page).map(p -> Paging.ok(p.map(UnitView::of)));
    }

    @GET
    @Path("units/{id}")
    @WithSession
    @Operation(summary = "Get a unit")
    public Uni<UnitView> unit(@PathParam("id") String id) {
        return directory.unit(Ids.parse("unit", id)).map(UnitView::of);
    }

    @POST
    @Path("people")
    @Operation(summary = "Create a person", description = "O2: a person of a unit with roles (CM, CCE, supervisor, …).")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = "application/json", schema = @Schema(implementation = PersonView.class)))
    public Uni<Response> createPerson(@Valid @NotNull PersonRequest body) {
        access.directoryWrite();
        return directory.createPerson(body).map(p -> created("people", p.id.toString(), PersonView.of(p)));
    }

    @GET
    @Path("people")
    @Operation(summary = "List people", description = "Paged; filter by unit and role.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json", schema = @Schema(implementation = PersonView.class, type = SchemaType.ARRAY)))
    public Uni<Response> people(@QueryParam("unitId") String unitId, @QueryParam("role") Role role,
                                @Valid @BeanParam PageParams page) {
        return directory.people(unitId, role, page).map(p -> Paging.ok(p.map(PersonView::of)));
    }

    @GET
    @Path("people/{id}")
    @WithSession
    @Operation(summary = "Get a person")
    public Uni<PersonView> person(@PathParam("id") String id) {
        return directory.person(Ids.parse("person", id)).map(PersonView::of);
    }

    @POST
    @Path("customers")
    @Operation(summary = "Create a customer", description = "C1: identification code is unique.")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = "application/json", schema = @Schema(implementation = CustomerView.class)))
    public Uni<Response> createCustomer(@Valid @NotNull CustomerRequest body) {
        access.directoryWrite();
        return directory.createCustomer(body).map(c -> created("customers", c.id.toString(), CustomerView.of(c)));
    }

    @GET
    @Path("customers")
    @Operation(summary = "List customers", description = "Paged; filter by level, headquarters province, code.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json", schema = @Schema(implementation = CustomerView.class, type = SchemaType.ARRAY)))
    public Uni<Response> customers(@QueryParam("level") CustomerLevel level, @QueryParam("province") String province,
                                   @QueryParam("code") String code, @Valid @BeanParam PageParams page) {
        return directory.customers(level, province, code, page).map(p -> Paging.ok(p.map(CustomerView::of)));
    }

    @GET
    @Path("customers/{id}")
    @WithSession
    @Operation(summary = "Get a customer")
    public Uni<CustomerView> customer(@PathParam("id") String id) {
        return directory.customer(Ids.parse("customer", id)).map(CustomerView::of);
    }

    @POST
    @Path("circuits")
    @Operation(summary = "Create a circuit", description = "C2: A and Z ends with their owning units; cross-province is derived.")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = "application/json", schema = @Schema(implementation = CircuitView.class)))
    public Uni<Response> createCircuit(@Valid @NotNull CircuitRequest body) {
        access.directoryWrite();
        return directory.createCircuit(body).map(c -> created("circuits", c.id.toString(), CircuitView.of(c)));
    }

    @GET
    @Path("circuits")
    @Operation(summary = "List circuits", description = "Paged; filter by customer, business type, province, code.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json", schema = @Schema(implementation = CircuitView.class, type = SchemaType.ARRAY)))
    public Uni<Response> circuits(@QueryParam("customerId") String customerId,
                                  @QueryParam("businessType") BusinessType businessType,
                                  @QueryParam("province") String province, @QueryParam("code") String code,
                                  @Valid @BeanParam PageParams page) {
        return directory.circuits(customerId, businessType, province, code, page)
                .map(p -> Paging.ok(p.map(CircuitView::of)));
    }

    @GET
    @Path("circuits/{id}")
    @WithSession
    @Operation(summary = "Get a circuit")
    public Uni<CircuitView> circuit(@PathParam("id") String id) {
        return directory.circuit(Ids.parse("circuit", id)).map(CircuitView::of);
    }

    private static Response created(String collection, String id, Object view) {
        return Response.created(URI.create(collection + "/" + id)).entity(view).build();
    }
}
