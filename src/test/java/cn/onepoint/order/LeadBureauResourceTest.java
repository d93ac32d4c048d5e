package cn.onepoint.order;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** GET /lead-bureau: every P9 clause with real city pairs, and the clause that decided. */
@QuarkusTest
class LeadBureauResourceTest {

    private static ValidatableResponse ask(Map<String, ?> params) {
        return given().queryParams(params).when().get("/api/v1/lead-bureau").then();
    }

    private static void assertLead(String a, String z, String bureau, String end, String clause) {
        ask(Map.of("a", a, "z", z)).statusCode(200)
                .body("bureau", equalTo(bureau))
                .body("end", equalTo(end))
                .body("clause", equalTo(clause));
    }

    @Test
    void clause1BetweenCapitalsTheHigherRanked() {
        assertLead("武汉", "成都", "武汉", "A", "CAPITAL_RANK");
        assertLead("昆明", "成都", "成都", "Z", "CAPITAL_RANK");
        ask(Map.of("a", "成都", "z", "昆明")).statusCode(200)
                .body("bureau", equalTo("成都"))
                .body("ref", equalTo("P9(1)"))
                .body("a.capital", equalTo(true))
                .body("a.province", equalTo("四川"))
                .body("explanation", containsString("成都"));
    }

    @Test
    void clause2CapitalOverNonCapital() {
        assertLead("宜昌", "成都", "成都", "Z", "CAPITAL_OVER_NON_CAPITAL");
        assertLead("南京", "深圳", "南京", "A", "CAPITAL_OVER_NON_CAPITAL");
    }

    @Test
    void clause3NonCapitalsByTheRankOfTheirProvincialCapitals() {
        // 南京 is 7th, 广州 8th: the 江苏 city leads.
        assertLead("深圳", "苏州", "苏州", "Z", "PROVINCE_CAPITAL_RANK");
        ask(Map.of("a", "苏州", "z", "深圳")).statusCode(200).body("bureau", equalTo("苏州"))
                .body("explanation", containsString("南京"));
        // A city outside the table with its province given: 潜山 (安徽, capital 合肥 18th) vs 宜昌 (湖北, 武汉 3rd).
        ask(Map.of("a", "潜山", "aProvince", "安徽省", "z", "宜昌")).statusCode(200)
                .body("bureau", equalTo("宜昌")).body("a.province", equalTo("安徽"));
        // The province given overrides the table.
        ask(Map.of("a", "苏州", "aProvince", "甘肃", "z", "深圳")).statusCode(200).body("bureau", equalTo("深圳"));
    }

    @Test
    void clause4GatewayBureaus() {
        ask(Map.of("a", "北京", "aGateway", true, "z", "广州", "zGateway", true)).statusCode(200)
                .body("bureau", equalTo("广州")).body("clause", equalTo("GATEWAY_RANK")).body("ref", equalTo("P9(4)"));
        ask(Map.of("a", "广州", "aGateway", true, "z", "上海", "zGateway", true)).statusCode(200)
                .body("bureau", equalTo("上海")).body("end", equalTo("Z"));
    }

    @Test
    void clause5OverseasVersusDomesticAsBetweenTheGateways() {
        ask(Map.of("a", "香港", "z", "武汉")).statusCode(200)
                .body("bureau", equalTo("广州"))
                .body("end", nullValue())
                .body("proxyFor", equalTo("香港"))
                .body("clause", equalTo("OVERSEAS_VIA_GATEWAY"))
                .body("a.overseas", equalTo(true));
        assertLead("上海", "香港", "上海", "A", "OVERSEAS_VIA_GATEWAY");
        assertLead("欧洲", "北京", "北京", "Z", "OVERSEAS_VIA_GATEWAY");
    }

    @Test
    void clause6OverseasSubsidiaries() {
        assertLead("香港", "美洲", "香港", "A", "OVERSEAS_RANK");
        assertLead("欧洲", "美洲", "美洲", "Z", "OVERSEAS_RANK");
    }

    @Test
    void ipVpnNetworkLevelTestsGoToTheGroupNoc() {
        ask(Map.of("a", "武汉", "z", "成都", "businessType", "IP_VPN")).statusCode(200)
                .body("bureau", equalTo("GROUP_NOC")).body("clause", equalTo("GROUP_NOC")).body("end", nullValue());
        ask(Map.of("a", "武汉", "z", "成都", "businessType", "MSTP")).statusCode(200).body("bureau", equalTo("武汉"));
    }

    @Test
    void sameProvinceNonCapitalsDefaultToTheAEnd() {
        assertLead("宜昌", "襄阳", "宜昌", "A", "SAME_PROVINCE_DEFAULT");
        assertLead("襄阳", "宜昌", "襄阳", "A", "SAME_PROVINCE_DEFAULT");
    }

    @Test
    void explanationFollowsTheCallersLanguage() {
        given().header("Accept-Language", "en").queryParams(Map.of("a", "武汉", "z", "成都"))
                .when().get("/api/v1/lead-bureau").then().statusCode(200)
                .body("explanation", containsString("ranks higher"));
    }

    @Test
    void everyBadParameterIsNamed() {
        ask(Map.of()).statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("VALIDATION"))
                .body("errors.field", containsInAnyOrder("a", "z"));
        ask(Map.of("a", "潜山", "z", "武汉", "zGateway", true, "businessType", "FAX")).statusCode(400)
                .body("errors.field", containsInAnyOrder("aProvince", "zGateway", "businessType"));
        ask(Map.of("a", "某城", "aProvince", "火星", "z", "武汉")).statusCode(400)
                .body("errors.field", containsInAnyOrder("aProvince"));
    }
}
