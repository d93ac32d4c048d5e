package cn.onepoint.calendar;

import cn.onepoint.calendar.dto.WorkingDaysView;
import cn.onepoint.calendar.dto.YearBody;
import cn.onepoint.calendar.dto.YearSummary;
import cn.onepoint.calendar.dto.YearView;
import cn.onepoint.common.DomainException;
import cn.onepoint.common.FieldErrors;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Keeps {@link WorkingCalendar}'s snapshot in step with the database (seed and load at start-up, periodic
 * reload, PUT) and answers the REST queries.
 */
@ApplicationScoped
public class CalendarService {

    private static final Logger LOG = Logger.getLogger(CalendarService.class);
    /** /calendar/days returns at most this many days (from and to included). */
    public static final int MAX_RANGE_DAYS = 366;

    private final WorkingCalendar calendar;
    private final CalendarStore store;
    private final BundledCalendar bundled;
    private final Clock clock;

    public CalendarService(WorkingCalendar calendar, CalendarStore store, BundledCalendar bundled, Clock clock) {
        this.calendar = calendar;
        this.store = store;
        this.bundled = bundled;
        this.clock = clock;
    }

    // ---- loading --------------------------------------------------------------------------------

    /** Seeds the bundled years not yet in the database and loads every year, before requests are served. */
    void onStart(@Observes StartupEvent ev) throws Throwable {
        VertxContextSupport.subscribeAndAwait(this::seedAndLoad);
        int next = LocalDate.ofInstant(clock.instant(), calendar.zone()).getYear() + 1;
        LOG.infof("Working calendar: years loaded %s", calendar.snapshot().years().keySet());
        Optional<YearArrangement> nextYear = calendar.year(next);
        if (nextYear.isEmpty()) {
            LOG.warnf("Working calendar: no arrangement for %d yet; working-day computations reaching %d are "
                    + "refused until it is loaded with PUT /api/v1/calendar/years/%d (the State Council usually "
                    + "publishes it in October or November)", next, next, next);
        } else if (nextYear.get().provisional()) {
            LOG.infof("Working calendar: %d is provisional (the law's holidays, no 调休, docs/calendar.md) until its "
                    + "official arrangement is loaded with PUT /api/v1/calendar/years/%d", next, next);
        }
    }

    Uni<Void> seedAndLoad() {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (BundledCalendar.Bundled b : bundled.years()) {
            chain = chain.chain(() -> Panache.withTransaction(() -> store.seed(b, now())))
                    .invoke(outcome -> {
                        if (outcome != CalendarStore.SeedOutcome.KEPT) {
                            LOG.infof("Working calendar: bundled year %d %s", b.year(), outcome.name().toLowerCase());
                        }
                    })
                    .replaceWithVoid();
        }
        return chain.chain(() -> Panache.withSession(store::loadAll)).invoke(calendar::replace).replaceWithVoid();
    }

    /** Picks up years changed through other replicas. Replicas do not talk to each other: they poll. */
    @Scheduled(identity = "calendar-reload", every = "${onepoint.calendar.reload-interval:60s}",
            delayed = "${onepoint.calendar.reload-interval:60s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduledReload() {
        return reload().onFailure().recoverWithItem(e -> {
            LOG.warnf("Working calendar: reload failed, keeping the loaded years: %s", e.toString());
            return false;
        }).replaceWithVoid();
    }

    /** Re-reads the tables when a year's version moved; true when the snapshot was replaced. */
    public Uni<Boolean> reload() {
        return Panache.withSession(() -> store.versions().chain(versions -> {
            Map<Integer, Long> mine = calendar.snapshot().years().values().stream()
                    .collect(Collectors.toMap(YearArrangement::year, YearArrangement::version));
            if (mine.equals(versions)) {
                return Uni.createFrom().item(false);
            }
            return store.loadAll().invoke(calendar::replace).invoke(s ->
                    LOG.infof("Working calendar: reloaded, years %s", s.years().keySet())).replaceWith(true);
        }));
    }

    /**
     * Replaces (or adds) a year's arrangement in one transaction, then applies it to this replica at once.
     * Every bad entry is named ({@code days[3].date}).
     */
    public Uni<CalendarStore.Written> putYear(String rawYear, YearBody body, String ifMatch) {
        FieldErrors errors = new FieldErrors();
        Integer year = YearValidator.year(rawYear, errors);
        List<YearArrangement.Entry> entries = year == null ? List.of() : YearValidator.entries(year, body, errors);
        errors.throwIfAny();
        String source = body.source() == null || body.source().isBlank() ? null : body.source().trim();
        boolean provisional = Boolean.TRUE.equals(body.provisional());
        return Panache.withTransaction(() -> store.replace(year, source, provisional, entries, ifMatch, now()))
                .invoke(w -> {
                    calendar.install(w.year());
                    LOG.infof("Working calendar: year %d loaded by PUT (%d days off, %d adjusted working days)",
                            year, w.year().offDays(), w.year().adjustedWorkdays());
                });
    }

    // ---- queries --------------------------------------------------------------------------------

    /** {@code from} plus {@code add} working days (with its deadline), or the working days from → {@code to}. */
    public WorkingDaysView workingDays(String rawFrom, String rawAdd, String rawTo) {
        FieldErrors errors = new FieldErrors();
        LocalDate from = date("from", rawFrom, errors);
        boolean hasAdd = present(rawAdd);
        boolean hasTo = present(rawTo);
        if (hasAdd == hasTo) {
            errors.add(hasAdd ? "to" : "add", "field.calendar.addOrTo");
        }
        Integer add = null;
        if (hasAdd) {
            try {
                add = Integer.valueOf(rawAdd.trim());
            } catch (NumberFormatException e) {
                errors.add("add", "field.integer", rawAdd);
            }
        }
        LocalDate to = hasTo ? date("to", rawTo, errors) : null;
        errors.throwIfAny();
        if (hasAdd && !hasTo) {
            LocalDate result = calendar.addWorkingDays(from, add);
            return WorkingDaysView.added(from, add, result, calendar.endOfDay(result));
        }
        return WorkingDaysView.between(from, to, calendar.workingDaysBetween(from, to));
    }

    /** Every day from → to (both included, at most {@value #MAX_RANGE_DAYS}). */
    public List<Day> days(String rawFrom, String rawTo) {
        FieldErrors errors = new FieldErrors();
        LocalDate from = date("from", rawFrom, errors);
        LocalDate to = date("to", rawTo, errors);
        if (from != null && to != null) {
            if (to.isBefore(from)) {
                errors.add("to", "field.calendar.toBeforeFrom", from);
            } else if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_RANGE_DAYS) {
                errors.add("to", "field.calendar.rangeTooLong", MAX_RANGE_DAYS, ChronoUnit.DAYS.between(from, to) + 1);
            }
        }
        errors.throwIfAny();
        return calendar.days(from, to);
    }

    public List<YearSummary> years() {
        return calendar.snapshot().years().values().stream().map(YearSummary::of).toList();
    }

    public YearView year(String rawYear) {
        Integer year;
        try {
            year = Integer.valueOf(rawYear);
        } catch (NumberFormatException e) {
            year = null; // an id that cannot exist is simply not found
        }
        return (year == null ? Optional.<YearArrangement>empty() : calendar.year(year)).map(YearView::of)
                .orElseThrow(() -> DomainException.notFound("calendar year", rawYear));
    }

    /** The database keeps microseconds; so does the snapshot, so a reload changes nothing. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static boolean present(String raw) {
        return raw != null && !raw.isBlank();
    }

    private static LocalDate date(String field, String raw, FieldErrors errors) {
        if (!present(raw)) {
            errors.add(field, "field.required");
            return null;
        }
        try {
            return LocalDate.parse(raw.trim());
        } catch (DateTimeParseException e) {
            errors.add(field, "field.date", raw);
            return null;
        }
    }
}
