package cn.onepoint.common;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/** TMF630 paging: offset/limit in, X-Total-Count and X-Result-Count out. */
public final class Paging {

    public static final int MAX_LIMIT = 500;

    private Paging() {
    }

    public record Page<T>(List<T> items, long total) {
        public <R> Page<R> map(Function<T, R> f) {
            return new Page<>(items.stream().map(f).toList(), total);
        }
    }

    /** Counts and fetches one page of an entity list for a filter. */
    public static <E extends PanacheEntityBase> Uni<Page<E>> fetch(
            Query q, PageParams page,
            BiFunction<String, Parameters, Uni<Long>> count,
            BiFunction<String, Parameters, PanacheQuery<E>> find) {
        return count.apply(q.where(), q.params())
                .chain(total -> find.apply(q.whereOrdered(), q.params()).range(page.offset, page.last()).list()
                        .map(items -> new Page<>(items, total)));
    }

    public static Response ok(Page<?> page) {
        return Response.ok(page.items())
                .header("X-Total-Count", page.total())
                .header("X-Result-Count", page.items().size())
                .build();
    }
}
