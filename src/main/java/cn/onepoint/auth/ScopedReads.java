package cn.onepoint.auth;

import cn.onepoint.common.DomainException;
import cn.onepoint.common.Query;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;
import java.util.function.Function;

/**
 * Applies the caller's {@link Scope} to reads: lists get the scope's predicate, a single record outside it is
 * 404 (not 403, so that its existence does not leak). Each feature says what "involves a unit" means for its
 * records, as a JPQL predicate built from the scope. The service's own reads (no caller) and GROUP see all.
 */
@ApplicationScoped
public class ScopedReads {

    private final Actors actors;

    public ScopedReads(Actors actors) {
        this.actors = actors;
    }

    private Scope restricted() {
        Actor a = actors.current();
        return a == null || a.scope().all() ? null : a.scope();
    }

    /** Adds the scope's predicate to a list query. */
    public Query restrict(Query q, Function<Scope, String> involves) {
        Scope s = restricted();
        return s == null ? q : q.where(involves.apply(s), s.parameter(), s.value());
    }

    /**
     * The record by id, or 404 {@code resource} when there is none or it lies outside the caller's scope: one query,
     * the scope's predicate in its where-clause (the entity's name is its class's).
     */
    public <T> Uni<T> find(Class<T> entity, UUID id, String resource, Function<Scope, String> involves) {
        Scope s = restricted();
        return Panache.getSession().chain(session -> s == null ? session.find(entity, id)
                        : session.createSelectionQuery("from " + entity.getSimpleName() + " where id = :id and "
                                + involves.apply(s), entity)
                        .setParameter("id", id).setParameter(s.parameter(), s.value()).getSingleResultOrNull())
                .onItem().ifNull().failWith(() -> DomainException.notFound(resource, id));
    }

    /** The record, or 404 {@code resource} when it lies outside the caller's scope. */
    public <T> Uni<T> visible(T record, UUID id, String entity, String resource, Function<Scope, String> involves) {
        Scope s = restricted();
        if (s == null) {
            return Uni.createFrom().item(record);
        }
        return Panache.getSession().chain(session -> session.createSelectionQuery(
                        "select count(*) from " + entity + " where id = :id and " + involves.apply(s), Long.class)
                .setParameter("id", id).setParameter(s.parameter(), s.value()).getSingleResult())
                .map(n -> {
                    if (n == 0) {
                        throw DomainException.notFound(resource, id);
                    }
                    return record;
                });
    }

    /**
     * Nothing, or 404 {@code resource} when no such record exists or it lies outside the caller's scope: for the
     * sub-resources read by the record's id alone (its timers).
     */
    public Uni<Void> exists(UUID id, String entity, String resource, Function<Scope, String> involves) {
        Scope s = restricted();
        String where = s == null ? "" : " and " + involves.apply(s);
        return Panache.getSession().chain(session -> {
            var q = session.createSelectionQuery("select count(*) from " + entity + " where id = :id" + where,
                    Long.class).setParameter("id", id);
            if (s != null) {
                q.setParameter(s.parameter(), s.value());
            }
            return q.getSingleResult();
        }).map(n -> {
            if (n == 0) {
                throw DomainException.notFound(resource, id);
            }
            return null;
        });
    }
}
