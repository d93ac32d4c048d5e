package cn.onepoint.common;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.LockModeType;

import java.util.UUID;

/**
 * The one way a command loads the aggregate it changes: the row is read with {@code SELECT ... FOR UPDATE} and
 * stays locked until the command's transaction ends. Two commands on one resource therefore run one after the
 * other, and the second sees what the first did: it gets the ordinary 409 state conflict (or a rule refusal)
 * instead of racing the first into a duplicate timer or history row (docs/errors.md, concurrency).
 */
public final class Commands {

    private Commands() {
    }

    /** The aggregate, locked for the caller's transaction; 404 naming {@code resource} when there is none. */
    public static <E> Uni<E> lock(Class<E> type, UUID id, String resource) {
        return Panache.getSession().chain(s -> s.find(type, id, LockModeType.PESSIMISTIC_WRITE))
                .onItem().ifNull().failWith(() -> DomainException.notFound(resource, id));
    }
}
