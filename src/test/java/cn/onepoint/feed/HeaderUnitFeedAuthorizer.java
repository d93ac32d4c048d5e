package cn.onepoint.feed;

import io.quarkus.websockets.next.HandshakeRequest;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import java.util.Set;
import java.util.UUID;

/**
 * Test stand-in for the security work's authorizer: a connection that sends {@code X-Test-Feed-Unit: <unit id>}
 * is restricted to that one unit, {@code none} gets nothing; without the header everything is allowed, so
 * every other test is unaffected.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class HeaderUnitFeedAuthorizer implements FeedAuthorizer {

    static final String HEADER = "X-Test-Feed-Unit";

    @Override
    public Uni<FeedGrant> grant(HandshakeRequest handshake) {
        String unit = handshake.header(HEADER);
        if (unit == null) {
            return Uni.createFrom().item(FeedGrant.ALL);
        }
        if ("none".equals(unit)) {
            return Uni.createFrom().item(FeedGrant.NONE);
        }
        return Uni.createFrom().item(FeedGrant.units(Set.of(UUID.fromString(unit))));
    }
}
