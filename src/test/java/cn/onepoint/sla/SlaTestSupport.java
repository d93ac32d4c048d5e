package cn.onepoint.sla;

import cn.onepoint.Fixtures;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/** Runs service calls on a Vert.x context as a feature would, and builds an escalation chain of units. */
final class SlaTestSupport {

    private SlaTestSupport() {
    }

    /** Runs reactive work from the test thread (on a duplicated Vert.x context) and waits for it. */
    static <T> T await(Supplier<Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(work);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    static long count(Pool pool, String sql, Object... params) {
        return pool.preparedQuery(sql).execute(Tuple.from(params)).await().indefinitely()
                .iterator().next().getLong(0);
    }

    /** GROUP control desk → 湖北 province → 武汉 local handling unit, a supervisor in each; a GROUP customer with CCE and CM. */
    record Chain(UUID group, UUID province, UUID local, UUID groupSupervisor, UUID provinceSupervisor,
                 UUID localSupervisor, UUID cce, UUID cm, UUID customer) {
    }

    static Chain chain() {
        String group = Fixtures.unit("GROUP", "CONTROL_DESK", null, null, null);
        String hubei = Fixtures.unit("PROVINCE", "CONTROL_DESK", "湖北", null, group);
        String wuhan = Fixtures.unit("LOCAL", "HANDLING", "湖北", "武汉", hubei);
        String groupSup = Fixtures.person(group, "SUPERVISOR");
        String provinceSup = Fixtures.person(hubei, "SUPERVISOR", "CONTROLLER");
        String localSup = Fixtures.person(wuhan, "HANDLER", "SUPERVISOR");
        Fixtures.person(wuhan, "HANDLER"); // not a supervisor: hears nothing
        String cce = Fixtures.person(hubei, "CHIEF_CUSTOMER_ENGINEER");
        String cm = Fixtures.person(wuhan, "CUSTOMER_MANAGER");
        String customer = Fixtures.post("/api/v1/customers", Map.of("code", Fixtures.uniq("C"), "name", "某集团客户",
                "level", "GROUP", "hqProvince", "湖北", "hqCity", "武汉", "cceId", cce, "cmId", cm));
        return new Chain(UUID.fromString(group), UUID.fromString(hubei), UUID.fromString(wuhan),
                UUID.fromString(groupSup), UUID.fromString(provinceSup), UUID.fromString(localSup),
                UUID.fromString(cce), UUID.fromString(cm), UUID.fromString(customer));
    }
}
