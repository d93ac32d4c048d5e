package cn.onepoint.feed;

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

    public FeedSocket(FeedConnections feeds) {
        this.feeds = feeds;
    }

    @OnOpen
    public Uni<Void> onOpen(WebSocketConnection connection) {
        return feeds.open(connection, null);
    }

    @OnClose
    public void onClose(WebSocketConnection connection) {
        feeds.closed(connection);
    }
}
