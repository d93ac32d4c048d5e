package cn.onepoint.order;

import cn.onepoint.calendar.WorkingCalendar;
import cn.onepoint.sla.SlaPolicy;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The order's dates on the working-day calendar: step deadlines (P3, P4, P8), the due instant, the warning
 * pool entry and the warning lead time (P6). The counts are the timer engine's settings (onepoint.sla.*).
 */
@ApplicationScoped
public class OrderSchedule {

    private final WorkingCalendar calendar;
    private final SlaPolicy policy;
    private final Clock clock;

    public OrderSchedule(WorkingCalendar calendar, SlaPolicy policy, Clock clock) {
        this.calendar = calendar;
        this.policy = policy;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), calendar.zone());
    }

    /** A date's deadline: the end of that day (onepoint.calendar.end-of-day, 18:00 local by default). */
    public Instant endOf(LocalDate date) {
        return calendar.endOfDay(date);
    }

    /** P3: survey within 2 working days of naming the project manager. */
    public Instant surveyDue(Instant start) {
        return calendar.deadlineAfterWorkingDays(start, policy.workingDays().survey());
    }

    /** P4: plan within 12 working days of the survey. */
    public Instant planDue(Instant start) {
        return calendar.deadlineAfterWorkingDays(start, policy.workingDays().plan());
    }

    /** P8: registered in the long-distance resource system within 2 working days of the test report. */
    public Instant resourceSystemDue(Instant start) {
        return calendar.deadlineAfterWorkingDays(start, policy.workingDays().resourceSystemEntry());
    }

    /** P8: CRM delivery note within 1 working day of completion. */
    public Instant crmNoteDue(Instant start) {
        return calendar.deadlineAfterWorkingDays(start, policy.workingDays().crmDeliveryNote());
    }

    /** P5: weekly, or the customer's cadence for an expedited order. */
    public Duration progressCadence(ProvisioningOrder o) {
        Duration custom = o.customCadence();
        return custom != null ? custom : policy.progressReport();
    }

    /**
     * P6: when an order that files no progress reports enters the warning pool: the start of the working day
     * 10 working days before the due date (系统按照要求完成时间自动计算预警); an expedited order with fewer than 10
     * working days left enters at once, when it is taken (在转定后直接进入). Null for orders that file progress
     * reports: they reach the pool by filing a warning.
     */
    public Instant poolEntry(ProvisioningOrder o, Instant takenAt) {
        if (o.progressReportsRequired()) {
            return null;
        }
        int days = policy.workingDays().warningPoolEntry();
        LocalDate taken = LocalDate.ofInstant(takenAt, calendar.zone());
        if (o.expedited && calendar.workingDaysBetween(taken, o.dueDate) < days) {
            return takenAt;
        }
        Instant scheduled = calendar.addWorkingDays(o.dueDate, -days).atStartOfDay(calendar.zone()).toInstant();
        // A standard order taken with less time than that is in the pool from the start as well.
        return scheduled.isBefore(takenAt) ? takenAt : scheduled;
    }

    /** P6: working days a warning must precede the due date: 5, or 3 for expedited orders. */
    public int warningLead(ProvisioningOrder o) {
        return o.expedited ? policy.workingDays().warningLeadExpedited() : policy.workingDays().warningLead();
    }

    /** Working days from today to the due date (today excluded, the due date included). */
    public int workingDaysLeft(ProvisioningOrder o) {
        return calendar.workingDaysBetween(today(), o.dueDate);
    }
}
