package cn.onepoint.common;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;

import java.time.Duration;
import java.util.Arrays;

/**
 * Readiness "migrations": every Flyway migration this build knows is applied and none failed. With
 * {@code quarkus.flyway.migrate-at-start=true} (the default here) the service does not start otherwise; the
 * check matters when migrations are run separately and keeps a replica out until they are done.
 *
 * <p>Applied migrations stay applied, so once the check has seen nothing pending it answers from memory
 * instead of opening a JDBC connection on every probe.
 */
@Readiness
@ApplicationScoped
public class MigrationsHealthCheck implements AsyncHealthCheck {

    static final String NAME = "migrations";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final Flyway flyway;
    private volatile String appliedVersion;

    public MigrationsHealthCheck(Flyway flyway) {
        this.flyway = flyway;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        String known = appliedVersion;
        if (known != null) {
            return Uni.createFrom().item(up(known));
        }
        // Flyway speaks JDBC: keep it off the event loop.
        return Uni.createFrom().item(this::inspect)
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .ifNoItem().after(TIMEOUT).fail()
                .onFailure().recoverWithItem(e -> HealthCheckResponse.named(NAME).down()
                        .withData("error", String.valueOf(e.getMessage())).build());
    }

    private HealthCheckResponse inspect() {
        MigrationInfoService info = flyway.info();
        MigrationInfo current = info.current();
        String version = current == null || current.getVersion() == null ? "none" : current.getVersion().getVersion();
        int pending = info.pending().length;
        boolean failed = Arrays.stream(info.all()).anyMatch(m -> m.getState().isFailed());
        if (pending == 0 && !failed) {
            appliedVersion = version;
            return up(version);
        }
        HealthCheckResponseBuilder down = HealthCheckResponse.named(NAME).down()
                .withData("version", version).withData("pending", pending);
        return failed ? down.withData("failed", true).build() : down.build();
    }

    private static HealthCheckResponse up(String version) {
        return HealthCheckResponse.named(NAME).up().withData("version", version).withData("pending", 0).build();
    }
}
