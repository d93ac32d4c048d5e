package cn.onepoint.sla;

import cn.onepoint.common.Ids;
import cn.onepoint.sla.dto.TimerView;
import io.smallrye.mutiny.Uni;

import java.time.Instant;
import java.util.List;

/** Shared by the /{subjects}/{id}/timers resources. */
final class SubjectTimers {

    private SubjectTimers() {
    }

    static Uni<List<TimerView>> list(TimerService timers, SubjectType type, String resource, String id) {
        var subjectId = Ids.parse(resource, id);
        Instant now = timers.now();
        return timers.ofSubject(type, subjectId).map(list -> list.stream().map(t -> TimerView.of(t, now)).toList());
    }
}
