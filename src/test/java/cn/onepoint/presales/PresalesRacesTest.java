package cn.onepoint.presales;

import cn.onepoint.Fixtures;
import cn.onepoint.Races;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Sixteen resource nodes of one code at once: one node, every other create the 400 naming {@code code}. */
@QuarkusTest
class PresalesRacesTest {

    @Inject
    Pool pool;

    @Test
    void sixteenNodesOfOneCodeAtOnceMakeOneNode() throws Exception {
        PresalesWorld w = PresalesWorld.get();
        String code = Fixtures.uniq("RACE-NODE");
        Map<String, Object> b = new HashMap<>();
        b.put("personId", w.chiefCustomerEngineer);
        b.put("code", code);
        b.put("name", "汉口局 GE 端口");
        b.put("unitId", w.wuhan);
        b.put("resourceType", "GE_PORT");
        b.put("threshold", 10);
        b.put("free", 40);
        b.put("cceId", w.chiefCustomerEngineer);
        b.put("chiefCmId", w.chiefCustomerManager);
        var answers = Races.post(16, "/api/v1/resource-nodes", b);
        Races.oneWins(answers, 400, "VALIDATION");
        Races.losersName(answers, "code");
        assertEquals(1, Races.count(pool, "select count(*) from resource_node where code = $1", code));
    }
}
