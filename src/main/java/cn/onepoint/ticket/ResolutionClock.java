package cn.onepoint.ticket;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * T5 / T8: how long a fault took to restore, measured from acceptance to restoration (or now), and how much of
 * it was suspended. Whether suspended time is exempt 免责 is decided only at close, by the final cause: exempt
 * when customer-side, counted otherwise. Pure, so the figures at close and in reports are one computation.
 */
public final class ResolutionClock {

    public record Interval(Instant from, Instant to) {
    }

    /**
     * @param exemptionDecided the ticket is closed, so the final cause is known
     * @param met              counted ≤ limit (for an open ticket: so far)
     */
    public record Measure(Duration limit, Duration elapsed, Duration suspended, boolean exemptionDecided,
                          Duration exempt, Duration counted, Duration countedIfExempt, Duration countedIfNotExempt,
                          boolean met) {
    }

    private ResolutionClock() {
    }

    public static Measure measure(Instant startedAt, Instant endedAt, List<Interval> suspensions,
                                  CauseCategory finalCause, boolean closed, Duration limit) {
        // Whole seconds throughout, so that counted = elapsed - exempt holds exactly in every report.
        Instant start = startedAt.truncatedTo(ChronoUnit.SECONDS);
        Instant end = endedAt.truncatedTo(ChronoUnit.SECONDS);
        Duration elapsed = positive(Duration.between(start, end));
        Duration suspended = Duration.ZERO;
        for (Interval i : suspensions) {
            Instant from = i.from().isBefore(start) ? start : i.from().truncatedTo(ChronoUnit.SECONDS);
            Instant to = i.to() == null || i.to().isAfter(end) ? end : i.to().truncatedTo(ChronoUnit.SECONDS);
            suspended = suspended.plus(positive(Duration.between(from, to)));
        }
        Duration ifExempt = elapsed.minus(suspended);
        // T8: exempt only when the cause recorded at close is customer-side.
        Duration exempt = closed && finalCause == CauseCategory.CUSTOMER ? suspended : Duration.ZERO;
        Duration counted = elapsed.minus(exempt);
        return new Measure(limit, elapsed, suspended, closed, exempt, counted, ifExempt, elapsed,
                counted.compareTo(limit) <= 0);
    }

    private static Duration positive(Duration d) {
        return d.isNegative() ? Duration.ZERO : d;
    }
}
