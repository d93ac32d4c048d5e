package cn.onepoint.feed;

import io.quarkus.websockets.next.CloseReason;
import cn.onepoint.auth.Actor;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.PathParam;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;

import java.util.UUID;

/**
 * {@code /ws/tickets/{id}?since=}: one ticket's live progress: events whose subject is the ticket, and
 * work-order and timer events that belong to it (event_outbox.root_id).
 */
@WebSocket(path = "/ws/tickets/{id}", endpointId = TicketFeedSocket.ID)
public class TicketFeedSocket {

    static final String ID = "onepoint-ticket-feed";

    private final FeedConnections feeds;
    /** The identity of the connection being served (websockets-next keeps it per connection). */
    private final SecurityIdentity identity;

    public TicketFeedSocket(FeedConnections feeds, SecurityIdentity identity) {
        this.feeds = feeds;
        this.identity = identity;
    }

    @OnOpen
    public Uni<Void> onOpen(WebSocketConnection connection, @PathParam String id) {
        UUID ticket;
        try {
            ticket = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            CloseReason reason = FeedClose.BAD_PARAMETER.reason(
                    FeedConnections.locale(connection.handshakeRequest().header("Accept-Language")), "id", id);
            return connection.close(reason);
        }
        return feeds.open(connection, ticket, Actor.of(identity));
    }

    @OnClose
    public void onClose(WebSocketConnection connection) {
        feeds.closed(connection);
    }
}
