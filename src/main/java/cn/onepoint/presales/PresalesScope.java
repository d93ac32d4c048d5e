package cn.onepoint.presales;

import cn.onepoint.auth.Scope;
import cn.onepoint.sla.SubjectType;
import cn.onepoint.sla.TimedSubject;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * Scoping of the pre-sales records (docs/security.md, "Scoping"): what "involves a unit of the caller's scope" means
 * for each, as JPQL on the record's entity with unqualified attributes (TimerScope embeds them in subqueries). Each
 * predicate takes the alias prefix of its entity ({@code ""} or {@code "x."}) so that one record's predicate can
 * use another's: an issue item is seen as its project is.
 */
@Singleton
public class PresalesScope {

    /** S1: the validity timer of a requirement's result (RESOURCE_CHECK_VALIDITY) has the requirement as subject. */
    @Produces
    @Singleton
    static TimedSubject requirementTimers() {
        return new TimedSubject(SubjectType.REQUIREMENT, "Requirement", "requirement", PresalesScope::requirement);
    }

    /** S3: an issue item's due-time timer (ISSUE_ITEM) has the item as subject. */
    @Produces
    @Singleton
    static TimedSubject issueItemTimers() {
        return new TimedSubject(SubjectType.ISSUE_ITEM, "IssueItem", "issue item", PresalesScope::issueItem);
    }

    static String requirement(Scope s) {
        return requirement(s, "");
    }

    /**
     * A requirement: the requesting customer manager's unit, either end's unit or the backbone (every resource
     * check is of one of these units), or a unit of its project's customer engineer or customer manager, who
     * organise the second check and carry the project (S1, S4).
     */
    static String requirement(Scope s, String a) {
        return s.anyIn(requirementUnits(a), a + "projectId in (select rqp.id from Project rqp where "
                + s.personIn("rqp.customerEngineerId", "rqpe") + " or " + s.personIn("rqp.customerManagerId", "rqpm")
                + ")");
    }

    private static List<String> requirementUnits(String a) {
        return List.of(a + "unitId", a + "aEnd.unitId", a + "zEnd.unitId", a + "backboneUnitId");
    }

    static String project(Scope s) {
        return project(s, "");
    }

    /**
     * A project: the unit of its customer engineer or customer manager, one of its requirement orders involving the
     * scope (by their own units), or the owner of one of its issue items (S3: the table is the project group's).
     */
    static String project(Scope s, String a) {
        return s.anyIn(List.of(), s.personIn(a + "customerEngineerId", "pje"), s.personIn(a + "customerManagerId", "pjm"),
                a + "id in (select pjr.projectId from Requirement pjr where " + s.anyIn(requirementUnits("pjr.")) + ")",
                a + "id in (select pji.projectId from IssueItem pji where " + s.personIn("pji.ownerId", "pjo") + ")");
    }

    /** An issue item: as its project (whose predicate includes every item's owner). */
    static String issueItem(Scope s) {
        return "projectId in (select iip.id from Project iip where " + project(s, "iip.") + ")";
    }

    static String resourceNode(Scope s) {
        return resourceNode(s, "");
    }

    /**
     * A resource node: its unit (whose network-development department gets the build requests), or the unit of its
     * (chief) customer engineer who warns or the (chief) customer manager warned (S2).
     */
    static String resourceNode(Scope s, String a) {
        return s.anyIn(List.of(a + "unitId"), s.personIn(a + "cceId", "rne"), s.personIn(a + "chiefCmId", "rnm"));
    }

    /** A build request: as its node (its unit is the node's). */
    static String buildRequest(Scope s) {
        return s.anyIn(List.of("unitId"),
                "nodeId in (select brn.id from ResourceNode brn where " + resourceNode(s, "brn.") + ")");
    }
}
