package cn.onepoint.sla;

import cn.onepoint.directory.BusinessType;
import cn.onepoint.directory.CustomerLevel;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.time.Duration;
import java.util.Optional;

/**
 * The manual's time limits as configuration (docs/rules.md, "Timers the engine must run"). Every key has an
 * env-var twin, e.g. {@code ONEPOINT_SLA_ACCEPT=PT5M}; docs/configuration.md lists them all.
 */
@ConfigMapping(prefix = "onepoint.sla")
public interface SlaPolicy {

    /** T4: a handling position accepts a dispatch within 5 minutes. */
    @WithDefault("PT5M")
    Duration accept();

    /** T4: the province dispatches to every involved unit within 5 minutes of confirming its review. */
    @WithDefault("PT5M")
    Duration provinceDispatch();

    /** T9: progress reports to the dispatcher. */
    HandlerProgress handlerProgress();

    /** T10: the acceptor's first update to the customer. */
    @WithDefault("PT30M")
    Duration customerFirstUpdate();

    /** T10: then every 2 hours. */
    @WithDefault("PT2H")
    Duration customerUpdate();

    /** T11: the control desk answers a handling unit's feedback within 5 minutes. */
    @WithDefault("PT5M")
    Duration controlResponse();

    /** T11: ... and passes new information on to every handling unit within 5 minutes. */
    @WithDefault("PT5M")
    Duration controlRelay();

    /** T15: the final fault report is submitted this long after close (the manual names no limit). */
    @WithDefault("P3D")
    Duration faultReport();

    /** T5: the resolution table, measured to service restoration. */
    Resolution resolution();

    /** P5: weekly progress reports for standard orders. */
    @WithDefault("P7D")
    Duration progressReport();

    /** P3, P4, P6, P8: limits counted in working days (the caller computes the due time). */
    WorkingDays workingDays();

    /** S1: a resource check answer stays valid this many months. */
    @WithDefault("1")
    int resourceCheckValidityMonths();

    /** W1: cross-domain work orders, where the request gives no time of its own (the manual names none). */
    CrossDomain crossDomain();

    /** A1: a cutover is announced to its customers at least this long before its planned start. */
    @WithDefault("PT72H")
    Duration cutoverLead();

    /** A1: each affected customer acknowledges the notice within this long of it (never later than the start). */
    @WithDefault("PT24H")
    Duration cutoverAck();

    /** Share of the limit after which a warning is raised (0.8 = at 80 %). */
    @WithDefault("0.8")
    double warnShare();

    /** T13: a breach still not met escalates one tier further after this long. */
    @WithDefault("PT30M")
    Duration escalationStep();

    /** How often the sweep looks for due timers (a safety net: it also wakes up at the next due time). */
    @WithDefault("1s")
    String sweepInterval();

    /** Whether the scheduled sweep runs on this instance. */
    @WithDefault("true")
    boolean sweepEnabled();

    /** Timers claimed per sweep transaction. */
    @WithDefault("500")
    int batchSize();

    /** Breach batches a sweep runs side by side (each its own transaction and connection). */
    @WithDefault("2")
    int sweepWorkers();

    interface HandlerProgress {
        /** BANDWIDTH, MPLS_VPN, IP_VPN, NEW_SERVICE and other products. */
        @WithDefault("PT30M")
        Duration standard();

        /** SWITCHING (voice). */
        @WithDefault("PT60M")
        Duration switching();
    }

    interface CrossDomain {
        /** A team of another domain accepts a task. */
        @WithDefault("PT2H")
        Duration accept();

        /** A task given no due time is due this long after its dispatch (never after the request's due time). */
        @WithDefault("P2D")
        Duration task();

        /** A request given no due time is answered this long after it was taken. */
        @WithDefault("P5D")
        Duration reply();
    }

    interface Resolution {
        /** BANDWIDTH types (C3). */
        @WithDefault("PT4H")
        Duration bandwidth();

        /** MPLS_VPN and IP_VPN. */
        @WithDefault("PT4H")
        Duration vpn();

        /** Circuits of GROUP-level customers; applies when shorter than the product's limit. */
        @WithDefault("PT2H")
        Duration groupCustomer();

        /** Everything else. */
        @WithName("default")
        @WithDefault("PT8H")
        Duration otherwise();
    }

    interface WorkingDays {
        /** P3 */
        @WithDefault("2")
        int survey();

        /** P4 */
        @WithDefault("12")
        int plan();

        /** P8: cross-domain circuit registered in the long-distance resource system. */
        @WithDefault("2")
        int resourceSystemEntry();

        /** P8: CRM delivery note after completion. */
        @WithDefault("1")
        int crmDeliveryNote();

        /** P6: an order enters the warning pool this many working days before its due date. */
        @WithDefault("10")
        int warningPoolEntry();

        /** P6: a unit that cannot finish warns at least this many working days before the due date. */
        @WithDefault("5")
        int warningLead();

        /** P6: the same for expedited orders. */
        @WithDefault("3")
        int warningLeadExpedited();
    }

    /**
     * T5: 4 h for BANDWIDTH, MPLS_VPN and IP_VPN, 8 h otherwise; circuits of GROUP-level customers 2 h,
     * which wins when it is the shorter one.
     */
    default Duration resolutionLimit(BusinessType type, CustomerLevel level) {
        Resolution r = resolution();
        Duration product = type != null && type.isBandwidth() ? r.bandwidth()
                : type == BusinessType.MPLS_VPN || type == BusinessType.IP_VPN ? r.vpn()
                : r.otherwise();
        if (level == CustomerLevel.GROUP && r.groupCustomer().compareTo(product) < 0) {
            return r.groupCustomer();
        }
        return product;
    }

    /** T9: 60 min for SWITCHING, 30 min for everything else. */
    default Duration handlerProgressLimit(BusinessType type) {
        return type == BusinessType.SWITCHING ? handlerProgress().switching() : handlerProgress().standard();
    }

    /** The fixed limit of a kind, when it has one that depends on nothing else. */
    default Optional<Duration> fixedLimit(TimerKind kind) {
        return Optional.ofNullable(switch (kind) {
            case ACCEPT -> accept();
            case PROVINCE_DISPATCH -> provinceDispatch();
            case CUSTOMER_FIRST_UPDATE -> customerFirstUpdate();
            case CUSTOMER_UPDATE -> customerUpdate();
            case CONTROL_RESPONSE -> controlResponse();
            case CONTROL_RELAY -> controlRelay();
            case FAULT_REPORT -> faultReport();
            case PROGRESS_REPORT -> progressReport();
            case CROSS_DOMAIN_ACCEPT -> crossDomain().accept();
            default -> null;
        });
    }
}
