package cn.onepoint.auth;

import cn.onepoint.common.DomainException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

/** The {@link Actor} of the request being served. */
@ApplicationScoped
public class Actors {

    private final Instance<CurrentIdentityAssociation> identities;

    public Actors(Instance<CurrentIdentityAssociation> identities) {
        this.identities = identities;
    }

    /** The caller; null outside a request (startup, timers, demo data). */
    public Actor current() {
        if (!identities.isResolvable()) {
            return null;
        }
        try {
            SecurityIdentity identity = identities.get().getIdentity();
            return Actor.of(identity);
        } catch (jakarta.enterprise.context.ContextNotActiveException e) {
            return null;
        }
    }

    /** The caller, who must be there: every /api/v1 request has one (the HTTP policy refuses it otherwise). */
    public Actor required() {
        Actor a = current();
        if (a == null) {
            throw DomainException.unauthenticated();
        }
        return a;
    }
}
