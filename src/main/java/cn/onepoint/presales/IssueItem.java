package cn.onepoint.presales;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/** One line of a project's issue management table 问题管理表. */
@Entity
@Table(name = "issue_item")
public class IssueItem extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "project_id")
    public UUID projectId;
    /** 1, 2, … within the project. */
    public int seq;
    /** 问题描述 */
    @Column(columnDefinition = "text")
    public String description;
    /** 解决目标 */
    @Column(columnDefinition = "text")
    public String target;
    /** 解决时间点 */
    @Column(name = "due_at")
    public Instant dueAt;
    /** 责任人 */
    @Column(name = "owner_id")
    public UUID ownerId;
    @Enumerated(EnumType.STRING)
    public IssueStatus status;
    @Column(name = "created_by")
    public UUID createdBy;
    /** The ISSUE_ITEM timer watching the current due time. */
    @Column(name = "timer_id")
    public UUID timerId;
    @Column(name = "resolved_at")
    public Instant resolvedAt;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public long version;
}
