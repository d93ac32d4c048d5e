package cn.onepoint.feed;

import io.quarkus.websockets.next.HandshakeRequest;
import io.smallrye.mutiny.Uni;

/**
 * Decides, once per connection, which units' events a feed client may see. The shipped bean allows all;
 * the security work replaces it with a bean of higher priority (an {@code @Alternative @Priority}) that reads
 * the caller's identity from the handshake. Every event a connection receives, replayed or live, passes
 * the grant.
 */
public interface FeedAuthorizer {

    Uni<FeedGrant> grant(HandshakeRequest handshake);
}
