package cn.onepoint.presales;

import cn.onepoint.presales.dto.HistoryView;
import cn.onepoint.sla.SubjectType;
import cn.onepoint.sla.TimerService;
import cn.onepoint.sla.dto.NotificationView;
import cn.onepoint.sla.dto.TimerView;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The sub-resources every pre-sales record has alike: its history, its timers, who was told. */
@ApplicationScoped
public class PresalesReads {

    private final PresalesSupport support;
    private final TimerService timers;

    public PresalesReads(PresalesSupport support, TimerService timers) {
        this.support = support;
        this.timers = timers;
    }

    @WithSession
    public Uni<List<HistoryView>> history(UUID subjectId) {
        return support.historyOf(subjectId).map(l -> l.stream().map(HistoryView::of).toList());
    }

    @WithSession
    public Uni<List<TimerView>> timers(SubjectType type, UUID subjectId) {
        Instant now = timers.now();
        return timers.forSubject(type, subjectId).map(l -> l.stream().map(t -> TimerView.of(t, now)).toList());
    }

    @WithSession
    public Uni<List<NotificationView>> notifications(SubjectType type, UUID subjectId) {
        return support.notificationsOf(type, subjectId).map(l -> l.stream().map(NotificationView::of).toList());
    }
}
