package cn.onepoint.feed;

import cn.onepoint.auth.Actor;
import io.quarkus.websockets.next.HandshakeRequest;
import io.smallrye.mutiny.Uni;

/**
 * Decides, once per connection, what a feed client may see: {@link ScopeFeedAuthorizer} from the actor of the
 * token the upgrade carried. Every event a connection receives, replayed or live, passes the grant.
 */
public interface FeedAuthorizer {

    /** {@code actor} is null when the token names nobody the directory knows (the HTTP policy refuses that). */
    Uni<FeedGrant> grant(HandshakeRequest handshake, Actor actor);
}
