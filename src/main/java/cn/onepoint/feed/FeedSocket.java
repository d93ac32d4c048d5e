package cn.onepoint.feed;

import cn.onepoint.auth.Actor;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;

/**
 * {@code /ws/feed?since=&topics=&unit=&customer=&province=}: every event the wallboard needs (API.md, Live
 * feeds). Messages are {@code {"seq","eventType","eventTime","event"}}; close codes in {@link FeedClose}.
 */
@WebSocket(path = "/ws/feed", endpointId = FeedSocket.ID)
public class FeedSocket {

    static final String ID = "onepoint-feed";

    private final FeedConnections feeds;
    /** The identity of the connection being served (websockets-next keeps it per connection). */
    private final SecurityIdentity identity;

    public FeedSocket(FeedConnections feeds, SecurityIdentity identity) {
        this.feeds = feeds;
        this.identity = identity;
    }

    @OnOpen
    public Uni<Void> onOpen(WebSocketConnection connection) {
        return feeds.open(connection, null, Actor.of(identity));
    }

    @OnClose
    public void onClose(WebSocketConnection connection) {
        feeds.closed(connection);
    }
}
