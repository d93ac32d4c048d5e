package cn.onepoint.order;

import cn.onepoint.order.dto.OrderView;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;

/** Renders an order as the API shows it: the pool and overdue flags are as of now. */
@ApplicationScoped
public class OrderViews {

    private final OrderSchedule schedule;
    private final Clock clock;

    public OrderViews(OrderSchedule schedule, Clock clock) {
        this.schedule = schedule;
        this.clock = clock;
    }

    public OrderView of(ProvisioningOrder o) {
        return OrderView.of(o, schedule.progressCadence(o), clock.instant());
    }
}
