package cn.onepoint.calendar;

import cn.onepoint.common.DomainException;
import cn.onepoint.common.Versions;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The calendar tables. Every method runs in the caller's session or transaction. */
@ApplicationScoped
public class CalendarStore {

    public enum SeedOutcome { INSERTED, REFRESHED, KEPT }

    /** A year written by PUT, and whether it was new. */
    public record Written(YearArrangement year, boolean created) {
    }

    /**
     * Inserts a bundled year when absent. A year still BUNDLED whose shipped content changed is refreshed;
     * an OPERATOR year is never touched. Safe when several replicas start at once (the insert is
     * {@code on conflict do nothing}, the refresh a conditional update).
     */
    public Uni<SeedOutcome> seed(BundledCalendar.Bundled b, Instant now) {
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        insert into calendar_year (year, source, origin, provisional, checksum, version, updated_at)
                        values (:year, :source, 'BUNDLED', :provisional, :checksum, 0, :at)
                        on conflict (year) do nothing""")
                .setParameter("year", b.year()).setParameter("source", b.source())
                .setParameter("provisional", b.provisional())
                .setParameter("checksum", b.checksum()).setParameter("at", at)
                .executeUpdate()
                .chain(inserted -> inserted == 1
                        ? insertDays(b.year(), b.entries()).replaceWith(SeedOutcome.INSERTED)
                        : s.createNativeQuery("""
                                        update calendar_year
                                           set source = :source, provisional = :provisional, checksum = :checksum,
                                               version = version + 1, updated_at = :at
                                         where year = :year and origin = 'BUNDLED' and checksum is distinct from :checksum""")
                                .setParameter("year", b.year()).setParameter("source", b.source())
                                .setParameter("provisional", b.provisional())
                                .setParameter("checksum", b.checksum()).setParameter("at", at)
                                .executeUpdate()
                                .chain(refreshed -> refreshed == 1
                                        ? deleteDays(b.year()).chain(() -> insertDays(b.year(), b.entries()))
                                                .replaceWith(SeedOutcome.REFRESHED)
                                        : Uni.createFrom().item(SeedOutcome.KEPT))));
    }

    /** Each loaded year's version: cheap, to tell whether a full reload is needed. */
    public Uni<Map<Integer, Long>> versions() {
        return CalendarYearRow.<CalendarYearRow>listAll().map(rows -> {
            Map<Integer, Long> out = new HashMap<>();
            rows.forEach(r -> out.put(r.year, r.version));
            return out;
        });
    }

    /** Every loaded year with its days. */
    public Uni<CalendarSnapshot> loadAll() {
        return CalendarYearRow.<CalendarYearRow>listAll().chain(years -> CalendarDayRow.<CalendarDayRow>listAll()
                .map(days -> {
                    Map<Integer, List<YearArrangement.Entry>> byYear = new HashMap<>();
                    for (CalendarDayRow d : days) {
                        byYear.computeIfAbsent(d.year, y -> new ArrayList<>())
                                .add(new YearArrangement.Entry(d.day, d.name, d.offDay));
                    }
                    Map<Integer, YearArrangement> out = new TreeMap<>();
                    for (CalendarYearRow y : years) {
                        out.put(y.year, arrangement(y, byYear.getOrDefault(y.year, List.of())));
                    }
                    return new CalendarSnapshot(out);
                }));
    }

    /**
     * Replaces a year's arrangement (an operator's PUT): the row is locked, its days replaced, its version
     * moved and its origin set to OPERATOR. If-Match is checked against an existing year (a new year has no
     * version to match). Call inside a transaction.
     */
    public Uni<Written> replace(int year, String source, boolean provisional, List<YearArrangement.Entry> entries,
                                String ifMatch, Instant now) {
        return CalendarYearRow.<CalendarYearRow>findById(year, LockModeType.PESSIMISTIC_WRITE).chain(existing -> {
            boolean created = existing == null;
            if (!created) {
                Versions.check(ifMatch, existing.version);
            }
            CalendarYearRow row = created ? new CalendarYearRow() : existing;
            row.year = year;
            row.source = source;
            row.origin = YearArrangement.Origin.OPERATOR;
            row.provisional = provisional;
            row.checksum = null;
            row.version = created ? 0 : existing.version + 1;
            row.updatedAt = now;
            Uni<Void> clear = created ? Uni.createFrom().voidItem() : deleteDays(year);
            return clear
                    .chain(() -> created ? row.persist().replaceWithVoid() : Uni.createFrom().voidItem())
                    .chain(() -> insertDays(year, entries))
                    .chain(() -> Panache.getSession().chain(s -> s.flush()))
                    .map(v -> new Written(arrangement(row, entries), created));
        }).onFailure(org.hibernate.exception.ConstraintViolationException.class)
                // two replicas creating the same year at once: the loser is told to read and retry
                .transform(e -> DomainException.conflict("VERSION_CONFLICT", "versionConflict"));
    }

    private static YearArrangement arrangement(CalendarYearRow y, List<YearArrangement.Entry> entries) {
        return YearArrangement.of(y.year, y.source, y.origin, y.provisional, y.version, y.updatedAt, entries);
    }

    private static Uni<Void> deleteDays(int year) {
        return Panache.getSession().chain(s -> s.createNativeQuery("delete from calendar_day where year = :year")
                .setParameter("year", year).executeUpdate()).replaceWithVoid();
    }

    private static Uni<Void> insertDays(int year, List<YearArrangement.Entry> entries) {
        return CalendarDayRow.persist(entries.stream().map(e -> CalendarDayRow.of(year, e)).toList());
    }
}
