package cn.onepoint.presales.dto;

import cn.onepoint.presales.IssueItem;
import cn.onepoint.presales.IssueStatus;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

@Schema(name = "IssueItem", description = "A line of a project's issue management table 问题管理表")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IssueItemView(
        String id, String href, String projectId, @Schema(description = "1, 2, … within the project") int seq,
        String description, String target, Instant dueAt, String ownerId, IssueStatus status,
        @Schema(description = "Past due, as the timer engine flagged it (its ISSUE_ITEM timer breached); stays true "
                + "on an item resolved late, false again once a later due time is set") boolean overdue,
        String timerId, String createdBy, Instant resolvedAt, Instant createdAt, Instant updatedAt, long version,
        @Schema(description = "update, and the statuses it may move to") List<String> allowedActions) {

    public static IssueItemView of(IssueItem i, boolean overdue) {
        return new IssueItemView(i.id.toString(), "/api/v1/projects/" + i.projectId + "/issues/" + i.id,
                i.projectId.toString(), i.seq, i.description, i.target, i.dueAt, Views.s(i.ownerId), i.status, overdue,
                Views.s(i.timerId), Views.s(i.createdBy), i.resolvedAt, i.createdAt, i.updatedAt, i.version,
                i.status.allowedActions());
    }
}
