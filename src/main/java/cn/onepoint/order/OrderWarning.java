package cn.onepoint.order;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** P6: a warning 电路预警 that an order cannot finish on time. */
@Entity
@Table(name = "service_order_warning")
public class OrderWarning extends PanacheEntityBase {

    /** P6: the fixed list; OTHER needs a text and is discouraged; only CUSTOMER may request an extension. */
    @Schema(name = "OrderWarningReason")
    public enum Reason { CUSTOMER, RESOURCE, CONSTRUCTION, PROPERTY, OTHER }

    @Id
    public UUID id;
    @Column(name = "order_id")
    public UUID orderId;
    @Column(name = "unit_id")
    public UUID unitId;
    @Column(name = "person_id")
    public UUID personId;
    @Enumerated(EnumType.STRING)
    public Reason reason;
    @Column(columnDefinition = "text")
    public String text;
    @Column(name = "filed_at")
    public Instant filedAt;
    @Column(name = "due_date_at_filing")
    public LocalDate dueDateAtFiling;
    @Column(name = "extension_requested")
    public boolean extensionRequested;
    @Column(name = "requested_due_date")
    public LocalDate requestedDueDate;
    @Column(name = "granted_at")
    public Instant grantedAt;
    @Column(name = "granted_by")
    public UUID grantedBy;
    @Column(name = "granted_due_date")
    public LocalDate grantedDueDate;
}
