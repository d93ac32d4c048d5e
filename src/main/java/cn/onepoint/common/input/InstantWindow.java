package cn.onepoint.common.input;

import cn.onepoint.common.FieldErrors;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;

/**
 * The range of instants the API accepts, in bodies and in query filters ({@link InputConfig}): from
 * {@code earliest-instant} to now plus {@code max-future}. Outside it a value is refused with the field named,
 * before it can reach a rule or the database (PostgreSQL cannot even store year -99999).
 */
@ApplicationScoped
public class InstantWindow {

    private final InputConfig config;
    private final Clock clock;

    public InstantWindow(InputConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** Records {@code field} as bad when {@code value} lies outside the window; null passes. */
    public void check(FieldErrors errors, String field, Instant value) {
        if (value == null) {
            return;
        }
        Instant latest = clock.instant().plus(config.maxFuture());
        if (value.isBefore(config.earliestInstant()) || value.isAfter(latest)) {
            errors.add(field, "field.instantOutOfRange", config.earliestInstant(), latest, value);
        }
    }

    /**
     * The window of the running application, for code that is not a bean ({@link FieldErrors#instant}); null outside
     * one (plain unit tests), where no window applies.
     */
    public static InstantWindow current() {
        ArcContainer container = Arc.container();
        return container == null || !container.isRunning() ? null : container.instance(InstantWindow.class).get();
    }
}
