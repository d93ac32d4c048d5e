package cn.onepoint.directory;

import cn.onepoint.common.DatabaseConflicts;
import cn.onepoint.common.DomainException;
import cn.onepoint.common.FieldErrors;
import cn.onepoint.common.Ids;
import cn.onepoint.common.PageParams;
import cn.onepoint.common.Paging;
import cn.onepoint.common.Paging.Page;
import cn.onepoint.common.Query;
import cn.onepoint.directory.dto.CircuitEndBody;
import cn.onepoint.directory.dto.CircuitRequest;
import cn.onepoint.directory.dto.CustomerRequest;
import cn.onepoint.directory.dto.PersonRequest;
import cn.onepoint.directory.dto.UnitRequest;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/** Units, people, customers and circuits (O1, O2, C1, C2): the reference data every rule looks up. */
@ApplicationScoped
public class DirectoryService {

    private final Clock clock;

    public DirectoryService(Clock clock) {
        this.clock = clock;
    }

    // ---- lookups other features use ------------------------------------------------------------

    public Uni<Unit> unit(UUID id) {
        return Unit.<Unit>findById(id).onItem().ifNull().failWith(() -> DomainException.notFound("unit", id));
    }

    public Uni<Person> person(UUID id) {
        return Person.<Person>findById(id).onItem().ifNull().failWith(() -> DomainException.notFound("person", id));
    }

    public Uni<Customer> customer(UUID id) {
        return Customer.<Customer>findById(id).onItem().ifNull()
                .failWith(() -> DomainException.notFound("customer", id));
    }

    public Uni<Circuit> circuit(UUID id) {
        return Circuit.<Circuit>findById(id).onItem().ifNull()
                .failWith(() -> DomainException.notFound("circuit", id));
    }

    // ---- units (O1) -----------------------------------------------------------------------------

    @WithTransaction
    public Uni<Unit> createUnit(UnitRequest body) {
        FieldErrors errors = new FieldErrors();
        // O1: a local unit belongs to one province.
        if (body.tier() != Tier.GROUP && blank(body.province())) {
            errors.add("province", "field.provinceRequired");
        }
        if (body.tier() == Tier.LOCAL && blank(body.city())) {
            errors.add("city", "field.cityRequired");
        }
        if (body.tier() == Tier.LOCAL && blank(body.parentId())) {
            errors.add("parentId", "field.parentRequired");
        }
        UUID parentId = errors.uuid("parentId", body.parentId());
        return DatabaseConflicts.checkUnique(errors, "unit_code_key", body.code(), () -> Unit.count("code", body.code()))
                .chain(() -> parentId == null ? Uni.createFrom().nullItem() : Unit.<Unit>findById(parentId))
                .chain(parent -> {
                    if (parentId != null && parent == null) {
                        errors.add("parentId", "field.unknownUnit", body.parentId());
                    } else if (parent != null && body.tier() == Tier.LOCAL && parent.tier != Tier.PROVINCE) {
                        errors.add("parentId", "field.parentTier", Tier.PROVINCE);
                    } else if (parent != null && body.tier() == Tier.LOCAL && !parent.province.equals(body.province())) {
                        errors.add("province", "field.mismatch", "parentId");
                    }
                    errors.throwIfAny();
                    Unit u = new Unit();
                    u.id = UUID.randomUUID();
                    u.code = body.code();
                    u.name = body.name();
                    u.tier = body.tier();
                    u.kind = body.kind();
                    u.province = body.province();
                    u.city = body.city();
                    u.parentId = parentId;
                    u.backbone = Boolean.TRUE.equals(body.backbone());
                    u.createdAt = clock.instant();
                    return u.persist();
                });
    }

    @WithSession
    public Uni<Page<Unit>> units(Tier tier, UnitKind kind, String province, String parentId, String code,
                                 PageParams page) {
        Query q = new Query().eq("tier", tier).eq("kind", kind).eq("province", province).eq("code", code)
                .eq("parentId", parentId == null ? null : Ids.ref("unit", parentId)).orderBy("code");
        return Paging.fetch(q, page, (w, p) -> Unit.count(w, p), (w, p) -> Unit.find(w, p));
    }

    // ---- people (O2) ----------------------------------------------------------------------------

    @WithTransaction
    public Uni<Person> createPerson(PersonRequest body) {
        FieldErrors errors = new FieldErrors();
        UUID unitId = errors.uuid("unitId", body.unitId());
        return exists(errors, "unitId", body.unitId(), unitId, "field.unknownUnit", id -> Unit.findById(id))
                .chain(() -> DatabaseConflicts.checkUnique(errors, "person_login_idx", body.login(),
                        () -> Person.count("login", body.login())))
                .chain(() -> {
                    errors.throwIfAny();
                    Person p = new Person();
                    p.id = UUID.randomUUID();
                    // without a chosen login the person logs in with their id (docs/security.md)
                    p.login = body.login() != null ? body.login() : p.id.toString();
                    p.name = body.name();
                    p.unitId = unitId;
                    p.roles = EnumSet.copyOf(body.roles());
                    p.phone = body.phone();
                    p.email = body.email();
                    p.createdAt = clock.instant();
                    return p.persist();
                });
    }

    @WithSession
    public Uni<Page<Person>> people(String unitId, Role role, PageParams page) {
        Query q = new Query().eq("unitId", unitId == null ? null : Ids.ref("unit", unitId))
                // roles is a comma list: match whole names, so CUSTOMER_MANAGER does not find CHIEF_CUSTOMER_MANAGER
                .where("concat(',', cast(roles as String), ',') like :role", "role",
                        role == null ? null : "%," + role.name() + ",%")
                .orderBy("name, id");
        return Paging.fetch(q, page, (w, p) -> Person.count(w, p), (w, p) -> Person.find(w, p));
    }

    // ---- customers (C1) -------------------------------------------------------------------------

    @WithTransaction
    public Uni<Customer> createCustomer(CustomerRequest body) {
        FieldErrors errors = new FieldErrors();
        UUID cceId = errors.uuid("cceId", body.cceId());
        UUID cmId = errors.uuid("cmId", body.cmId());
        return DatabaseConflicts.checkUnique(errors, "customer_code_key", body.code(),
                        () -> Customer.count("code", body.code()))
                .chain(() -> exists(errors, "cceId", body.cceId(), cceId, "field.unknownPerson", id -> Person.findById(id)))
                .chain(() -> exists(errors, "cmId", body.cmId(), cmId, "field.unknownPerson", id -> Person.findById(id)))
                .chain(() -> {
                    errors.throwIfAny();
                    Customer c = new Customer();
                    c.id = UUID.randomUUID();
                    c.code = body.code();
                    c.name = body.name();
                    c.level = body.level();
                    c.hqProvince = body.hqProvince();
                    c.hqCity = body.hqCity();
                    c.cceId = cceId;
                    c.cmId = cmId;
                    c.escalationList = body.escalationList() == null ? List.of() : body.escalationList();
                    c.createdAt = clock.instant();
                    return c.persist();
                });
    }

    @WithSession
    public Uni<Page<Customer>> customers(CustomerLevel level, String province, String code, PageParams page) {
        Query q = new Query().eq("level", level).eq("hqProvince", province).eq("code", code).orderBy("code");
        return Paging.fetch(q, page, (w, p) -> Customer.count(w, p), (w, p) -> Customer.find(w, p));
    }

    // ---- circuits (C2) --------------------------------------------------------------------------

    @WithTransaction
    public Uni<Circuit> createCircuit(CircuitRequest body) {
        FieldErrors errors = new FieldErrors();
        UUID customerId = errors.uuid("customerId", body.customerId());
        UUID aUnit = errors.uuid("aEnd.unitId", body.aEnd().unitId());
        UUID zUnit = errors.uuid("zEnd.unitId", body.zEnd().unitId());
        UUID backbone = errors.uuid("backboneUnitId", body.backboneUnitId());
        return DatabaseConflicts.checkUnique(errors, "circuit_code_key", body.code(),
                        () -> Circuit.count("code", body.code()))
                .chain(() -> exists(errors, "customerId", body.customerId(), customerId, "field.unknownCustomer",
                        id -> Customer.findById(id)))
                .chain(() -> exists(errors, "aEnd.unitId", body.aEnd().unitId(), aUnit, "field.unknownUnit",
                        id -> Unit.findById(id)))
                .chain(() -> exists(errors, "zEnd.unitId", body.zEnd().unitId(), zUnit, "field.unknownUnit",
                        id -> Unit.findById(id)))
                .chain(() -> exists(errors, "backboneUnitId", body.backboneUnitId(), backbone, "field.unknownUnit",
                        id -> Unit.findById(id)))
                .chain(() -> {
                    errors.throwIfAny();
                    Circuit c = new Circuit();
                    c.id = UUID.randomUUID();
                    c.code = body.code();
                    c.customerId = customerId;
                    c.businessType = body.businessType();
                    c.aEnd = end(body.aEnd(), aUnit);
                    c.zEnd = end(body.zEnd(), zUnit);
                    c.backboneUnitId = backbone;
                    c.createdAt = clock.instant();
                    return c.persist();
                });
    }

    @WithSession
    public Uni<Page<Circuit>> circuits(String customerId, BusinessType type, String province, String code,
                                       PageParams page) {
        Query q = new Query().eq("customerId", customerId == null ? null : Ids.ref("customer", customerId))
                .eq("businessType", type).eq("code", code)
                .where("(aEnd.province = :prov or zEnd.province = :prov)", "prov", province)
                .orderBy("code");
        return Paging.fetch(q, page, (w, p) -> Circuit.count(w, p), (w, p) -> Circuit.find(w, p));
    }

    // ---- helpers --------------------------------------------------------------------------------

    private static CircuitEnd end(CircuitEndBody b, UUID unitId) {
        CircuitEnd e = new CircuitEnd();
        e.station = b.station();
        e.city = b.city();
        e.province = b.province();
        e.capital = Boolean.TRUE.equals(b.capital());
        e.overseas = Boolean.TRUE.equals(b.overseas());
        e.unitId = unitId;
        return e;
    }

    private static Uni<Void> exists(FieldErrors errors, String field, String raw, UUID id, String messageKey,
                                    Function<UUID, Uni<? extends PanacheEntityBase>> finder) {
        if (id == null) {
            return Uni.createFrom().voidItem();
        }
        return finder.apply(id).invoke(found -> {
            if (found == null) {
                errors.add(field, messageKey, raw);
            }
        }).replaceWithVoid();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
