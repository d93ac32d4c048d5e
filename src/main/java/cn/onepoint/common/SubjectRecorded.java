package cn.onepoint.common;

import cn.onepoint.auth.Subjects;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PrePersist;

/** A history row that records who made the change as authenticated (docs/security.md). */
@MappedSuperclass
public abstract class SubjectRecorded extends PanacheEntityBase {

    /** A person's id or {@code service:<client>}; null for the service's own work (timers, startup). */
    @Column(columnDefinition = "varchar(80)")
    public String subject;

    @PrePersist
    void recordSubject() {
        if (subject == null) {
            subject = Subjects.current();
        }
    }
}
