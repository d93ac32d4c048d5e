package cn.onepoint.feed;

import io.quarkus.arc.DefaultBean;
import io.quarkus.websockets.next.HandshakeRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Until authentication exists, every feed client sees every unit. */
@ApplicationScoped
@DefaultBean
public class AllowAllFeedAuthorizer implements FeedAuthorizer {

    @Override
    public Uni<FeedGrant> grant(HandshakeRequest handshake) {
        return Uni.createFrom().item(FeedGrant.ALL);
    }
}
