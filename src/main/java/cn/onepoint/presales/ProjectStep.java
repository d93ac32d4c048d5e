package cn.onepoint.presales;

import cn.onepoint.common.DomainException;
import cn.onepoint.common.WireEnum;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * S4: the pre-sales steps of a project, in the manual's order (2.1.2: 项目承接、需求调研、问题管理、合同签约支撑、资源核查、
 * 技术方案制定), as data: each step lists the steps it may move to. Every open step may be cancelled.
 */
public enum ProjectStep implements WireEnum {
    /** 项目承接 */
    INTAKE("intake"),
    /** 需求调研: the requirement document 项目需求书, confirmed by the customer. */
    REQUIREMENT_SURVEY("requirementSurvey"),
    /** 问题管理: the issue management table (kept up to date in every step after). */
    ISSUE_MANAGEMENT("issueManagement"),
    /** 合同签约支撑 */
    CONTRACT_SUPPORT("contractSupport"),
    /** 资源核查: the project's requirement orders are checked. */
    RESOURCE_CHECK("resourceCheck"),
    /** 技术方案制定 */
    TECHNICAL_SOLUTION("technicalSolution"),
    /** The technical solution is reviewed 审定: pre-sales is done. */
    COMPLETED("completed"),
    CANCELLED("cancelled");

    /** Recorded while the project is in the survey step only. */
    public static final String REQUIREMENT_DOCUMENT = "requirement-document";

    private final String wire;

    ProjectStep(String wire) {
        this.wire = wire;
    }

    @JsonValue
    @Override
    public String wire() {
        return wire;
    }

    @JsonCreator
    public static ProjectStep fromString(String s) {
        return WireEnum.parse(ProjectStep.class, s);
    }

    /** The steps this one may move to. */
    public Set<ProjectStep> next() {
        return switch (this) {
            case INTAKE -> EnumSet.of(REQUIREMENT_SURVEY, CANCELLED);
            case REQUIREMENT_SURVEY -> EnumSet.of(ISSUE_MANAGEMENT, CANCELLED);
            case ISSUE_MANAGEMENT -> EnumSet.of(CONTRACT_SUPPORT, CANCELLED);
            case CONTRACT_SUPPORT -> EnumSet.of(RESOURCE_CHECK, CANCELLED);
            case RESOURCE_CHECK -> EnumSet.of(TECHNICAL_SOLUTION, CANCELLED);
            case TECHNICAL_SOLUTION -> EnumSet.of(COMPLETED, CANCELLED);
            case COMPLETED, CANCELLED -> EnumSet.noneOf(ProjectStep.class);
        };
    }

    /** What a client may do now: the next steps (POST /steps) and the requirement document in the survey step. */
    public List<String> allowedActions() {
        List<String> out = new ArrayList<>();
        if (this == REQUIREMENT_SURVEY) {
            out.add(REQUIREMENT_DOCUMENT);
        }
        next().forEach(s -> out.add(s.wire));
        return out;
    }

    /** Decides a move: the target, or a 409 naming this step and what is allowed in it. */
    public ProjectStep moveTo(ProjectStep target) {
        if (!next().contains(target)) {
            throw DomainException.stateConflict(wire, allowedActions(), target.wire);
        }
        return target;
    }

    /** A 409 unless {@code action} is allowed in this step. */
    public void check(String action) {
        if (!allowedActions().contains(action)) {
            throw DomainException.stateConflict(wire, allowedActions(), action);
        }
    }

    /** Issues are kept throughout: in every step but a cancelled project's. */
    public boolean open() {
        return this != CANCELLED;
    }
}
