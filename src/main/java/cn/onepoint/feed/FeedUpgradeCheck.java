package cn.onepoint.feed;

import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.quarkus.websockets.next.UserData;
import io.smallrye.mutiny.Uni;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.net.impl.ConnectionBase;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Keeps the TCP connection of each feed socket at hand. A client closed as too slow may never read the close
 * frame (it sits behind the data it does not read), and then the WebSocket close never completes; the
 * feed drops such a connection outright after a grace period.
 */
@ApplicationScoped
public class FeedUpgradeCheck implements HttpUpgradeCheck {

    static final UserData.TypedKey<HttpConnection> TCP = new UserData.TypedKey<>("onepoint.feed.tcp");

    @Override
    public Uni<CheckResult> perform(HttpUpgradeContext context) {
        context.userData().put(TCP, context.httpRequest().connection());
        return CheckResult.permitUpgrade();
    }

    /**
     * Closes the TCP connection now, discarding what is queued for it. {@link HttpConnection#close()} (and a
     * close that travels the whole Netty pipeline, through Vert.x's handler) first flushes, which never
     * completes for a peer that does not read. Starting the close at the first handler goes straight to the
     * socket. Closing a connection that is already closed does nothing.
     */
    static void drop(HttpConnection tcp) {
        if (!(tcp instanceof ConnectionBase base)) {
            tcp.close();
            return;
        }
        Channel channel = base.channel();
        channel.eventLoop().execute(() -> {
            if (!channel.isOpen()) {
                return;
            }
            // Linger 0: a reset, so the kernel frees the unsent bytes too instead of holding them for the peer.
            channel.config().setOption(ChannelOption.SO_LINGER, 0);
            ChannelHandlerContext first = channel.pipeline().firstContext();
            if (first != null) {
                first.close();
            } else {
                channel.close();
            }
        });
    }

    @Override
    public boolean appliesTo(String endpointId) {
        return FeedSocket.ID.equals(endpointId) || TicketFeedSocket.ID.equals(endpointId);
    }
}
