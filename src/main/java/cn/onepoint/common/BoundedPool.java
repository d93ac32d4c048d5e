package cn.onepoint.common;

import io.quarkus.reactive.pg.client.PgPoolCreator;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgPool;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Creates the reactive pool the API, Hibernate Reactive and the timer engine share, with the bounds Quarkus has
 * no setting for (docs/reliability.md): a request waits at most {@code onepoint.database.connection-wait} for a
 * connection, where Vert.x would wait 30 s, and a TCP connect gives up after as long, where it would wait 60 s.
 * The failures that result are answered 503 ({@link DatabaseUnavailable}).
 */
@Singleton
public class BoundedPool implements PgPoolCreator {

    private final DatabaseConfig config;

    public BoundedPool(DatabaseConfig config) {
        this.config = config;
    }

    @Override
    public Pool create(Input input) {
        PoolOptions pool = new PoolOptions(input.poolOptions())
                .setConnectionTimeout((int) config.connectionWait().toMillis())
                .setConnectionTimeoutUnit(TimeUnit.MILLISECONDS)
                .setMaxWaitQueueSize(config.maxWaiting());
        List<PgConnectOptions> servers = input.pgConnectOptionsList().stream().map(this::bounded).toList();
        // Quarkus expects a PgPool here (it casts); the factory is deprecated in favour of PgBuilder, which
        // returns a plain Pool.
        @SuppressWarnings("deprecation")
        PgPool created = PgPool.pool(input.vertx(), servers, pool);
        return created;
    }

    private PgConnectOptions bounded(PgConnectOptions given) {
        return new PgConnectOptions(given).setConnectTimeout((int) config.connectionWait().toMillis());
    }
}
