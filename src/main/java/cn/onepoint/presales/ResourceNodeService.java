package cn.onepoint.presales;

import cn.onepoint.common.DatabaseConflicts;
import cn.onepoint.auth.ScopedReads;
import cn.onepoint.common.DomainException;
import cn.onepoint.common.FieldErrors;
import cn.onepoint.common.Ids;
import cn.onepoint.common.Numbers;
import cn.onepoint.common.PageParams;
import cn.onepoint.common.Paging;
import cn.onepoint.common.Paging.Page;
import cn.onepoint.common.Query;
import cn.onepoint.common.Versions;
import cn.onepoint.directory.Person;
import cn.onepoint.directory.Role;
import cn.onepoint.directory.Unit;
import cn.onepoint.feed.Outbox;
import cn.onepoint.presales.dto.BuildRequestView;
import cn.onepoint.presales.dto.CloseBuildRequest;
import cn.onepoint.presales.dto.CreateNodeRequest;
import cn.onepoint.presales.dto.NodePatch;
import cn.onepoint.presales.dto.ResourceNodeView;
import cn.onepoint.presales.dto.ThresholdWarningView;
import cn.onepoint.sla.SubjectType;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * S2: node resource thresholds 资源预警门限. A node whose free quantity falls below its threshold makes its (chief)
 * customer engineer warn the (chief) customer manager, and a build request goes to the network-development department
 * of the node's unit, once: not again while that request is open. One transaction per command; a node is locked while
 * changed, so two updates at once cannot both raise a request.
 */
@ApplicationScoped
public class ResourceNodeService {

    static final String CREATE = "ResourceNodeCreateEvent";
    static final String ATTRIBUTE_CHANGE = "ResourceNodeAttributeValueChangeEvent";
    static final String WARNING = "ResourceThresholdWarningEvent";
    static final String BUILD_REQUEST_STATE_CHANGE = "BuildRequestStateChangeEvent";

    private static final Map<String, String> SORTS = Map.of("createdAt", "createdAt", "code", "code",
            "free", "free", "updatedAt", "updatedAt");

    private final PresalesSupport support;
    private final Numbers numbers;
    private final ScopedReads scoped;

    public ResourceNodeService(PresalesSupport support, Numbers numbers, ScopedReads scoped) {
        this.support = support;
        this.numbers = numbers;
        this.scoped = scoped;
    }

    @WithTransaction
    public Uni<ResourceNode> create(CreateNodeRequest b) {
        FieldErrors errors = new FieldErrors();
        UUID actorId = errors.uuid("personId", b.personId());
        UUID unitId = errors.uuid("unitId", b.unitId());
        UUID cceId = errors.uuid("cceId", b.cceId());
        UUID cmId = errors.uuid("chiefCmId", b.chiefCmId());
        return DatabaseConflicts.checkUnique(errors, "resource_node_code_key", b.code(),
                        () -> ResourceNode.count("code", b.code()))
                .chain(() -> PresalesSupport.units(errors, PresalesSupport.refs("unitId", unitId)))
                .chain(units -> PresalesSupport.people(errors, PresalesSupport.refs("personId", actorId, "cceId", cceId,
                        "chiefCmId", cmId)).chain(people -> {
                    errors.throwIfAny();
                    // S2: the (chief) customer engineer warns the (chief) customer manager.
                    PresalesSupport.requireRole(people.get("cceId"), "S2", Role.CHIEF_CUSTOMER_ENGINEER,
                            Role.CUSTOMER_ENGINEER);
                    PresalesSupport.requireRole(people.get("chiefCmId"), "S2", Role.CHIEF_CUSTOMER_MANAGER,
                            Role.CUSTOMER_MANAGER);
                    Instant now = support.now();
                    ResourceNode n = new ResourceNode();
                    n.id = UUID.randomUUID();
                    n.code = b.code();
                    n.name = b.name();
                    n.unitId = unitId;
                    n.station = b.station();
                    n.resourceType = b.resourceType();
                    n.threshold = b.threshold();
                    n.free = b.free();
                    n.cceId = cceId;
                    n.chiefCmId = cmId;
                    n.createdAt = now;
                    n.updatedAt = now;
                    Unit unit = units.get("unitId");
                    return n.<ResourceNode>persist()
                            .chain(() -> support.history(SubjectType.RESOURCE_NODE, n.id, "create", actorId, null,
                                    level(n), n.resourceType + " at " + n.code))
                            .chain(() -> Panache.flush())
                            .chain(() -> event(n, unit, CREATE, ResourceNodeView.of(n)))
                            .chain(() -> checkThreshold(n, unit, people.get("cceId"), people.get("chiefCmId")))
                            .replaceWith(n);
                }));
    }

    /** A new free quantity or threshold (PATCH); below the threshold it may raise the warning and request (S2). */
    @WithTransaction
    public Uni<ResourceNode> update(UUID id, NodePatch b, String ifMatch) {
        UUID actorId = Ids.ref("person", b.personId());
        if (b.free() == null && b.threshold() == null) {
            throw FieldErrors.single("free", "s2.nothingToChange");
        }
        return ResourceNode.<ResourceNode>findById(id, LockModeType.PESSIMISTIC_WRITE).onItem().ifNull()
                .failWith(() -> DomainException.notFound("resource node", id))
                .chain(n -> {
                    Versions.check(ifMatch, n.version);
                    String from = level(n);
                    return support.person(actorId, "personId").chain(actor -> {
                        if (b.free() != null) {
                            n.free = b.free();
                        }
                        if (b.threshold() != null) {
                            n.threshold = b.threshold();
                        }
                        n.updatedAt = support.now();
                        return support.history(SubjectType.RESOURCE_NODE, n.id, "update", actor.id, from, level(n),
                                        b.note())
                                .chain(() -> Panache.flush())
                                .chain(() -> Unit.<Unit>findById(n.unitId))
                                .call(unit -> event(n, unit, ATTRIBUTE_CHANGE, ResourceNodeView.of(n)))
                                .call(unit -> PresalesSupport.people(new FieldErrors(),
                                                PresalesSupport.refs("cce", n.cceId, "cm", n.chiefCmId))
                                        .chain(people -> checkThreshold(n, unit, people.get("cce"), people.get("cm"))))
                                .replaceWith(n);
                    });
                });
    }

    /**
     * S2 (资源储备低于预定门限): below the threshold, and no build request of the node still open: the (chief) customer
     * engineer's warning goes to the (chief) customer manager (a notification) and on the feed, and a build request is
     * raised to the network-development department of the node's unit (涉及地网发部门), together. Null when nothing
     * was raised.
     */
    private Uni<BuildRequest> checkThreshold(ResourceNode n, Unit unit, Person cce, Person cm) {
        if (!n.belowThreshold()) {
            return Uni.createFrom().nullItem();
        }
        return BuildRequest.count("nodeId = ?1 and status = ?2", n.id, BuildRequestStatus.OPEN).chain(open -> {
            if (open > 0) {
                return Uni.createFrom().nullItem();
            }
            return numbers.next("BR").chain(number -> {
                BuildRequest r = new BuildRequest();
                r.id = UUID.randomUUID();
                r.number = number;
                r.nodeId = n.id;
                r.unitId = n.unitId;
                r.status = BuildRequestStatus.OPEN;
                r.free = n.free;
                r.threshold = n.threshold;
                r.raisedBy = cce.id;
                r.raisedAt = support.now();
                return r.<BuildRequest>persist()
                        .call(() -> support.tell(cm.id, Role.CHIEF_CUSTOMER_MANAGER, SubjectType.RESOURCE_NODE, n.id,
                                "s2.notify.warning", n.code, n.name, unit.name, n.resourceType, n.free, n.threshold,
                                cce.name, r.number))
                        .call(() -> support.history(SubjectType.RESOURCE_NODE, n.id, "threshold-warning", cce.id, null,
                                level(n), "warned " + cm.id + ", build request " + r.number + " to " + unit.name))
                        .call(() -> Panache.flush())
                        .call(() -> event(n, unit, WARNING, new ThresholdWarningView(ResourceNodeView.of(n),
                                BuildRequestView.of(r))));
            });
        });
    }

    /** S2: the network-development department of the request's unit closes it; the next fall below raises anew. */
    @WithTransaction
    public Uni<BuildRequest> close(UUID id, CloseBuildRequest b, String ifMatch) {
        UUID actorId = Ids.ref("person", b.personId());
        return BuildRequest.<BuildRequest>findById(id, LockModeType.PESSIMISTIC_WRITE).onItem().ifNull()
                .failWith(() -> DomainException.notFound("build request", id))
                .chain(r -> {
                    Versions.check(ifMatch, r.version);
                    r.status.check("close");
                    return support.person(actorId, "personId").chain(p -> Unit.<Unit>findById(r.unitId).chain(unit -> {
                        if (!p.unitId.equals(r.unitId)) {
                            throw DomainException.forbidden("S2", "s2.closeByUnit", p.name, unit.name);
                        }
                        r.status = BuildRequestStatus.CLOSED;
                        r.closedBy = p.id;
                        r.closedAt = support.now();
                        r.outcome = b.outcome();
                        return support.history(SubjectType.RESOURCE_NODE, r.nodeId, "build-request-closed", p.id,
                                        BuildRequestStatus.OPEN.name(), r.status.name(), r.number + ": " + b.outcome())
                                .chain(() -> Panache.flush())
                                .chain(() -> support.event(BUILD_REQUEST_STATE_CHANGE, SubjectType.RESOURCE_NODE,
                                        r.nodeId, null, new Outbox.Scope(null, unit.id, unit.province),
                                        BuildRequestView.of(r)))
                                .replaceWith(r);
                    }));
                });
    }

    /** A node the caller may see (PresalesScope), else 404; its history and notifications are read through it. */
    @WithSession
    public Uni<ResourceNode> get(UUID id) {
        return scoped.find(ResourceNode.class, id, "resource node", PresalesScope::resourceNode);
    }

    public record Filter(String unitId, String belowThreshold, String sort) {
    }

    @WithSession
    public Uni<Page<ResourceNode>> list(Filter f, PageParams page) {
        FieldErrors errors = new FieldErrors();
        UUID unit = errors.uuid("unitId", f.unitId());
        Boolean below = PresalesSupport.flag(errors, "belowThreshold", f.belowThreshold());
        String order = PresalesSupport.order(errors, f.sort(), SORTS);
        errors.throwIfAny();
        Query q = new Query().eq("unitId", unit).orderBy(order);
        if (below != null) {
            q.always(below ? "free < threshold" : "free >= threshold");
        }
        scoped.restrict(q, PresalesScope::resourceNode);
        return Paging.fetch(q, page, (w, p) -> ResourceNode.count(w, p), (w, p) -> ResourceNode.find(w, p));
    }

    /** A build request the caller may see (as its node, PresalesScope), else 404. */
    @WithSession
    public Uni<BuildRequest> buildRequest(UUID id) {
        return scoped.find(BuildRequest.class, id, "build request", PresalesScope::buildRequest);
    }

    public record RequestFilter(List<String> status, String nodeId, String unitId) {
    }

    @WithSession
    public Uni<Page<BuildRequest>> buildRequests(RequestFilter f, PageParams page) {
        FieldErrors errors = new FieldErrors();
        List<BuildRequestStatus> statuses = errors.enums("status", f.status(), BuildRequestStatus.class);
        UUID node = errors.uuid("nodeId", f.nodeId());
        UUID unit = errors.uuid("unitId", f.unitId());
        errors.throwIfAny();
        Query q = new Query().in("status", statuses).eq("nodeId", node).eq("unitId", unit).orderBy("raisedAt desc, id");
        scoped.restrict(q, PresalesScope::buildRequest);
        return Paging.fetch(q, page, (w, p) -> BuildRequest.count(w, p), (w, p) -> BuildRequest.find(w, p));
    }

    private Uni<Void> event(ResourceNode n, Unit unit, String type, Object payload) {
        return support.event(type, SubjectType.RESOURCE_NODE, n.id, null,
                new Outbox.Scope(null, n.unitId, unit == null ? null : unit.province), payload);
    }

    private static String level(ResourceNode n) {
        return "free=" + n.free + "/threshold=" + n.threshold;
    }
}
