package cn.onepoint.demo;

import cn.onepoint.directory.Circuit;
import cn.onepoint.directory.Customer;
import cn.onepoint.directory.Person;
import cn.onepoint.directory.Tier;
import cn.onepoint.directory.Unit;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.path.json.JsonPath;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

@QuarkusTest
class DemoDataTest {

    @Inject
    DemoData demoData;

    @Inject
    DemoDataConfig config;

    @Test
    void seedsTheDemoDirectoryOnce() throws Throwable {
        assertFalse(config.enabled(), "demo data must be off outside dev mode");

        assertEquals(demoData.size(), (int) VertxContextSupport.subscribeAndAwait(demoData::seed));
        assertEquals(0, (int) VertxContextSupport.subscribeAndAwait(demoData::seed), "a second run creates nothing");
        // the unit table is not empty now, so the startup path leaves it alone
        assertEquals(0, (int) VertxContextSupport.subscribeAndAwait(demoData::seedIfEmpty));

        // provinces, each with its two local networks, acceptance desk and customer support centre
        JsonPath hubei = given().queryParam("province", "湖北").queryParam("tier", "PROVINCE").queryParam("limit", 500)
                .get("/api/v1/units").then().statusCode(200).extract().jsonPath();
        String hb = hubei.getString("find { it.code == 'HB' }.id");
        assertEquals("ACCEPTANCE_DESK", hubei.getString("find { it.code == 'HB-ACC' }.kind"));
        given().queryParam("parentId", hb).get("/api/v1/units").then().statusCode(200)
                .header("X-Total-Count", "2")
                .body("code", containsInAnyOrder("HB-WH", "HB-YC"))
                .body("city", containsInAnyOrder("武汉", "宜昌"));
        for (String province : List.of("四川", "江苏")) {
            given().queryParam("province", province).queryParam("limit", 500).get("/api/v1/units")
                    .then().statusCode(200)
                    .body("code", hasItems(province.equals("四川") ? new String[] {"SC", "SC-ACC", "SC-CD", "SC-MY"}
                            : new String[] {"JS", "JS-ACC", "JS-NJ", "JS-SZ"}));
        }
        JsonPath group = given().queryParam("tier", "GROUP").queryParam("limit", 500)
                .get("/api/v1/units").then().statusCode(200).extract().jsonPath();
        String backbone = group.getString("find { it.code == 'GRP-BB' }.id");
        assertEquals("true", group.getString("find { it.code == 'GRP-BB' }.backbone"));
        assertEquals("CONTROL_DESK", group.getString("find { it.code == 'GRP-CTL' }.kind"));

        // people in their roles: an acceptor at the desk, a supervisor in every unit
        String desk = hubei.getString("find { it.code == 'HB-ACC' }.id");
        given().queryParam("unitId", desk).queryParam("role", "ACCEPTOR").get("/api/v1/people")
                .then().statusCode(200).body("name", equalTo(List.of("李娜")));
        given().queryParam("unitId", hb).queryParam("role", "SUPERVISOR").get("/api/v1/people")
                .then().statusCode(200).body("$", hasSize(1));
        // whole role names: the chief customer engineers are not plain customer engineers
        String support = hubei.getString("find { it.code == 'HB-CSC' }.id");
        given().queryParam("unitId", support).queryParam("role", "CHIEF_CUSTOMER_ENGINEER").get("/api/v1/people")
                .then().statusCode(200).body("name", containsInAnyOrder("黄志强", "王磊"));
        given().queryParam("unitId", support).queryParam("role", "CUSTOMER_ENGINEER").get("/api/v1/people")
                .then().statusCode(200).body("$", hasSize(0));

        // customers of each level, with their chief customer engineer and customer manager
        for (String[] c : new String[][] {{"C-GRP-0001", "GROUP"}, {"C-HB-0001", "PROVINCIAL"}, {"C-JS-0001", "LOCAL"}}) {
            JsonPath customer = given().queryParam("code", c[0]).get("/api/v1/customers").then().statusCode(200)
                    .body("$", hasSize(1)).body("[0].level", equalTo(c[1])).extract().jsonPath();
            given().get("/api/v1/people/" + customer.getString("[0].cceId")).then().statusCode(200)
                    .body("roles", hasItem("CHIEF_CUSTOMER_ENGINEER"));
            given().get("/api/v1/people/" + customer.getString("[0].cmId")).then().statusCode(200)
                    .body("roles", hasItem("CUSTOMER_MANAGER"));
        }

        // circuits across and inside provinces
        given().queryParam("code", "WH-CD-MSTP-0001").get("/api/v1/circuits").then().statusCode(200)
                .body("$", hasSize(1))
                .body("[0].businessType", equalTo("MSTP"))
                .body("[0].crossProvince", equalTo(true))
                .body("[0].backboneUnitId", equalTo(backbone))
                .body("[0].aEnd.city", equalTo("武汉")).body("[0].zEnd.city", equalTo("成都"));
        given().queryParam("code", "WH-YC-DC-0001").get("/api/v1/circuits").then().statusCode(200)
                .body("[0].businessType", equalTo("DIGITAL_CIRCUIT")).body("[0].crossProvince", equalTo(false));
        for (String code : List.of("WH-NJ-MPLS-0001", "CD-MY-INET-0001", "YC-YC-INET-0001", "SZ-SZ-SW-0001")) {
            given().queryParam("code", code).get("/api/v1/circuits").then().statusCode(200)
                    .header("X-Total-Count", "1");
        }

        // live tickets for the wallboard: one only taken, two accepted, one dispatched and waiting for its unit
        assertEquals("acknowledged", ticketOn("CD-MY-INET-0001").getString("[0].status"));
        JsonPath switching = ticketOn("SZ-SZ-SW-0001");
        assertEquals("inProgress", switching.getString("[0].status"));
        assertEquals("苏州示例精密制造", switching.getString("[0].customerName"));
        given().get("/api/v1/people/" + switching.getString("[0].responsiblePersonId")).then()
                .body("name", equalTo("蔡颖"));
        JsonPath crossProvince = ticketOn("WH-NJ-MPLS-0001");
        assertEquals("inProgress", crossProvince.getString("[0].status"));
        assertEquals("GROUP", crossProvince.getString("[0].scope"));
        String dispatched = ticketOn("YC-YC-INET-0001").getString("[0].id");
        String wo = given().get("/api/v1/tickets/" + dispatched + "/dispatches").then().statusCode(200)
                .body("status", everyItem(equalTo("acknowledged"))).extract().path("[0].id");
        given().get("/api/v1/work-orders/" + wo + "/timers").then().statusCode(200)
                .body("find { it.kind == 'ACCEPT' }.state", equalTo("running"))
                .body("find { it.kind == 'ACCEPT' }.rule", equalTo("T4"));
        // and they are the board's open tickets: what the wallboard loads
        given().queryParam("status", "acknowledged,inProgress").queryParam("limit", 500).get("/api/v1/tickets")
                .then().statusCode(200).body("circuitCode", hasItems("CD-MY-INET-0001", "SZ-SZ-SW-0001",
                        "WH-NJ-MPLS-0001", "YC-YC-INET-0001"));
    }

    private static JsonPath ticketOn(String circuitCode) {
        String circuit = given().queryParam("code", circuitCode).get("/api/v1/circuits").then().extract().path("[0].id");
        return given().queryParam("circuitId", circuit).get("/api/v1/tickets").then().statusCode(200)
                .body("$", hasSize(1)).extract().jsonPath();
    }

    /**
     * The test database is shared by every test class: leave no demo units, and no demo tickets with their work
     * orders, timers and escalations, for other tests to find.
     */
    @AfterEach
    void removeDemoData() throws Throwable {
        List<String> units = DemoData.UNITS.stream().map(DemoData.UnitSeed::code).toList();
        List<String> customers = DemoData.CUSTOMERS.stream().map(DemoData.CustomerSeed::code).toList();
        List<String> circuits = DemoData.CIRCUITS.stream().map(DemoData.CircuitSeed::code).toList();
        String tickets = "select t.id from ticket t join circuit c on c.id = t.circuit_id where c.code in (:circuits)";
        String subjects = tickets + " union select id from work_order where subject_id in (" + tickets + ")";
        List<String> deletes = List.of(
                "delete from notification where subject_id in (" + subjects + ")",
                "delete from escalation where subject_id in (" + subjects + ")",
                "delete from timer_breach where subject_id in (" + subjects + ")",
                "delete from timer where subject_id in (" + subjects + ")",
                "delete from progress_report where work_order_id in (select id from work_order where subject_id in ("
                        + tickets + "))",
                "delete from work_order_history where work_order_id in (select id from work_order where subject_id in ("
                        + tickets + "))",
                "delete from work_order_notice where work_order_id in (select id from work_order where subject_id in ("
                        + tickets + "))",
                "delete from work_order where subject_id in (" + tickets + ")",
                "delete from ticket_history where ticket_id in (" + tickets + ")",
                "delete from customer_update where ticket_id in (" + tickets + ")",
                "delete from segment_test where ticket_id in (" + tickets + ")",
                "delete from suspension where ticket_id in (" + tickets + ")",
                "delete from feedback where ticket_id in (" + tickets + ")",
                "delete from ticket where id in (" + tickets + ")");
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> {
            Uni<Integer> chain = Uni.createFrom().item(0);
            for (String sql : deletes) {
                chain = chain.chain(() -> Panache.getSession().chain(s -> s.createNativeQuery(sql)
                        .setParameter("circuits", circuits).executeUpdate()));
            }
            return chain;
        }).chain(() -> Panache.withTransaction(() ->
                Circuit.delete("code in ?1", circuits)
                        .chain(() -> Customer.delete("code in ?1", customers))
                        .chain(() -> Unit.<Unit>list("code in ?1", units))
                        .chain(found -> found.isEmpty() ? Uni.createFrom().item(0L)
                                : Person.delete("unitId in ?1", found.stream().map(u -> u.id).toList()))
                        .chain(() -> Unit.delete("code in ?1 and tier = ?2", units, Tier.LOCAL))
                        .chain(() -> Unit.delete("code in ?1", units)))));
    }
}
