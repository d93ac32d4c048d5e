package cn.onepoint.feed;

import cn.onepoint.auth.Actor;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.inject.Singleton;

import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Opens and closes feed subscriptions for both sockets: parse, authorise, register, replay. */
@Singleton
public class FeedConnections {

    private final FeedRuntime runtime;
    private final FeedAuthorizer authorizer;
    private final FeedConfig config;
    private final Vertx vertx;
    private final Map<String, FeedSubscriber> open = new ConcurrentHashMap<>();
    private final ReplayGate replays;

    public FeedConnections(FeedRuntime runtime, FeedAuthorizer authorizer, FeedConfig config, Vertx vertx) {
        this.vertx = vertx;
        this.replays = new ReplayGate(config.replayConcurrency());
        this.runtime = runtime;
        this.authorizer = authorizer;
        this.config = config;
    }

    /** {@code rootId} non-null: one ticket's feed; {@code actor}: who the upgrade's token names. */
    Uni<Void> open(WebSocketConnection connection, UUID rootId, Actor actor) {
        Locale locale = locale(connection.handshakeRequest().header("Accept-Language"));
        FeedFilter asked;
        try {
            asked = FeedFilter.parse(connection.handshakeRequest().query(), rootId);
        } catch (FeedFilter.BadParameter e) {
            return refuse(connection, FeedClose.BAD_PARAMETER.reason(locale, e.parameter, e.value));
        }
        return authorizer.grant(connection.handshakeRequest(), actor).chain(grant -> {
            if (grant == null || grant.nothing()) {
                return refuse(connection, FeedClose.FORBIDDEN.reason(locale));
            }
            FeedSubscriber subscriber = new FeedSubscriber(connection, asked.withGrant(grant), runtime.store(),
                    runtime::recentAfter,
                    config.buffer(), config.pageSize(), locale, this::forget, runtime::droppedSlowConsumer,
                    task -> vertx.setTimer(config.closeGrace().toMillis(), id -> task.run()), replays,
                    config.replayWriteTimeout());
            // Registered before it is findable: a close racing this (the grant may complete on another thread)
            // either finds the entry and unregisters, or finds none and the check below does.
            runtime.fanout().register(subscriber);
            open.put(connection.id(), subscriber);
            if (connection.isClosed()) {
                closed(connection);
                return Uni.createFrom().voidItem();
            }
            subscriber.begin();
            return Uni.createFrom().voidItem();
        });
    }

    /** The replay queue of this instance (tests hold it to make connections wait their turn). */
    ReplayGate replays() {
        return replays;
    }

    void closed(WebSocketConnection connection) {
        FeedSubscriber subscriber = open.remove(connection.id());
        if (subscriber != null) {
            subscriber.closed();
            runtime.fanout().unregister(subscriber);
        }
    }

    private void forget(FeedSubscriber subscriber) {
        open.remove(subscriber.id());
        runtime.fanout().unregister(subscriber);
    }

    private static Uni<Void> refuse(WebSocketConnection connection, CloseReason reason) {
        return connection.close(reason);
    }

    /** Chinese by default, English when Accept-Language prefers it (as Messages does for REST). */
    static Locale locale(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return Locale.SIMPLIFIED_CHINESE;
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                String lang = range.getRange();
                if (lang.startsWith("en")) {
                    return Locale.ENGLISH;
                }
                if (lang.startsWith("zh")) {
                    return Locale.SIMPLIFIED_CHINESE;
                }
            }
        } catch (IllegalArgumentException e) {
            return Locale.SIMPLIFIED_CHINESE;
        }
        return Locale.SIMPLIFIED_CHINESE;
    }
}
