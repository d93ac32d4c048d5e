package cn.onepoint.common;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Human numbers people quote on the phone: prefix + local date + 4-digit daily sequence
 * (FT202611250001). Taken in the creating transaction, so a rolled-back create leaves no gap-causing row.
 */
@ApplicationScoped
public class Numbers {

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    private final Clock clock;
    private final ZoneId zone;

    public Numbers(Clock clock, @org.eclipse.microprofile.config.inject.ConfigProperty(name = "onepoint.zone",
            defaultValue = "Asia/Shanghai") ZoneId zone) {
        this.clock = clock;
        this.zone = zone;
    }

    public Uni<String> next(String prefix) {
        LocalDate day = LocalDate.ofInstant(clock.instant(), zone);
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        insert into number_counter (prefix, day, last) values (:prefix, :day, 1)
                        on conflict (prefix, day) do update set last = number_counter.last + 1
                        returning last""", Integer.class)
                .setParameter("prefix", prefix)
                .setParameter("day", day)
                .getSingleResult())
                .map(n -> prefix + DAY.format(day) + String.format("%04d", n));
    }
}
