package cn.onepoint.order;

import cn.onepoint.common.DomainException;
import cn.onepoint.common.FieldErrors;
import cn.onepoint.directory.BusinessType;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static cn.onepoint.order.LeadBureau.Clause.CAPITAL_OVER_NON_CAPITAL;
import static cn.onepoint.order.LeadBureau.Clause.CAPITAL_RANK;
import static cn.onepoint.order.LeadBureau.Clause.GATEWAY_RANK;
import static cn.onepoint.order.LeadBureau.Clause.GROUP_NOC;
import static cn.onepoint.order.LeadBureau.Clause.OVERSEAS_RANK;
import static cn.onepoint.order.LeadBureau.Clause.OVERSEAS_VIA_GATEWAY;
import static cn.onepoint.order.LeadBureau.Clause.PROVINCE_CAPITAL_RANK;
import static cn.onepoint.order.LeadBureau.Clause.SAME_PROVINCE_DEFAULT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** P9 as a pure rule: every clause, both directions, and the settings the manual leaves open. */
class LeadBureauTest {

    private final LeadBureau rule = new LeadBureau(LeadBureau.Settings.defaults());

    private static LeadBureau.Place place(String city) {
        return place(city, null, false);
    }

    private static LeadBureau.Place place(String city, String province, boolean gateway) {
        FieldErrors errors = new FieldErrors();
        LeadBureau.Place p = LeadBureau.place(city, province, gateway, errors, "a", "aProvince", "aGateway");
        errors.throwIfAny();
        return p;
    }

    private LeadBureau.Decision decide(String a, String z) {
        return rule.decide(place(a), place(z), BusinessType.DIGITAL_CIRCUIT);
    }

    private void assertLead(String a, String z, String bureau, LeadBureau.End end, LeadBureau.Clause clause) {
        LeadBureau.Decision d = decide(a, z);
        assertEquals(bureau, d.bureau(), a + "–" + z);
        assertEquals(end, d.end(), a + "–" + z);
        assertEquals(clause, d.clause(), a + "–" + z);
    }

    @Test
    void capitalsByTheRanking() {
        assertLead("武汉", "成都", "武汉", LeadBureau.End.A, CAPITAL_RANK);
        assertLead("成都", "武汉", "武汉", LeadBureau.End.Z, CAPITAL_RANK);
        assertLead("成都", "昆明", "成都", LeadBureau.End.A, CAPITAL_RANK);
        assertLead("拉萨", "北京", "北京", LeadBureau.End.Z, CAPITAL_RANK);
        // 呼和 is how the manual spells 呼和浩特; it ranks above 西宁.
        assertLead("西宁", "呼和", "呼和浩特", LeadBureau.End.Z, CAPITAL_RANK);
        // Without the gateway flag, 北京 vs 上海 is a matter between capitals: 北京 first.
        assertLead("上海", "北京", "北京", LeadBureau.End.Z, CAPITAL_RANK);
    }

    @Test
    void capitalOverNonCapital() {
        assertLead("宜昌", "拉萨", "拉萨", LeadBureau.End.Z, CAPITAL_OVER_NON_CAPITAL);
        assertLead("武汉", "宜昌", "武汉", LeadBureau.End.A, CAPITAL_OVER_NON_CAPITAL);
    }

    @Test
    void nonCapitalsOfDifferentProvincesByTheirCapitals() {
        // 南京 (江苏) is 7th, 广州 (广东) 8th: the 江苏 city leads.
        assertLead("深圳", "苏州", "苏州", LeadBureau.End.Z, PROVINCE_CAPITAL_RANK);
        assertLead("苏州", "深圳", "苏州", LeadBureau.End.A, PROVINCE_CAPITAL_RANK);
        assertLead("大连", "宜昌", "宜昌", LeadBureau.End.Z, PROVINCE_CAPITAL_RANK);
    }

    @Test
    void sameProvinceNonCapitalsTakeTheConfiguredEnd() {
        assertLead("宜昌", "襄阳", "宜昌", LeadBureau.End.A, SAME_PROVINCE_DEFAULT);
        LeadBureau zEnd = new LeadBureau(new LeadBureau.Settings(LeadBureau.End.Z,
                LeadBureau.Settings.defaults().overseasGateways(), Set.of(BusinessType.IP_VPN)));
        LeadBureau.Decision d = zEnd.decide(place("宜昌"), place("襄阳"), BusinessType.MSTP);
        assertEquals("襄阳", d.bureau());
        assertEquals(LeadBureau.End.Z, d.end());
    }

    @Test
    void gatewayBureausByTheirOwnOrder() {
        LeadBureau.Decision d = rule.decide(place("北京", null, true), place("上海", null, true), BusinessType.DATA_CIRCUIT);
        assertEquals("上海", d.bureau());
        assertEquals(GATEWAY_RANK, d.clause());
        d = rule.decide(place("北京", null, true), place("广州", null, true), BusinessType.DATA_CIRCUIT);
        assertEquals("广州", d.bureau());
        assertEquals(LeadBureau.End.Z, d.end());
    }

    @Test
    void overseasSubsidiariesByTheirOrder() {
        assertLead("美洲", "香港", "香港", LeadBureau.End.Z, OVERSEAS_RANK);
        assertLead("美洲", "欧洲", "美洲", LeadBureau.End.A, OVERSEAS_RANK);
    }

    @Test
    void overseasVersusDomesticGoesByTheGatewaysInvolved() {
        // 香港's gateway is 广州 (default map); 武汉 is no gateway: 广州 leads, organising for 香港.
        LeadBureau.Decision d = decide("香港", "武汉");
        assertEquals("广州", d.bureau());
        assertNull(d.end());
        assertEquals("香港", d.proxyFor());
        assertEquals(OVERSEAS_VIA_GATEWAY, d.clause());
        // The domestic end is itself a gateway: 上海 ranks above 广州.
        assertLead("上海", "香港", "上海", LeadBureau.End.A, OVERSEAS_VIA_GATEWAY);
        // 广州 vs 香港: the one gateway involved is 广州, at the Z end.
        assertLead("香港", "广州", "广州", LeadBureau.End.Z, OVERSEAS_VIA_GATEWAY);
        // 北京 vs 香港: 广州 ranks above 北京, so 香港's gateway leads.
        assertEquals("广州", decide("北京", "香港").bureau());
        // 欧洲 is served by 北京: 北京 leads at its own end.
        assertLead("欧洲", "北京", "北京", LeadBureau.End.Z, OVERSEAS_VIA_GATEWAY);
        assertEquals("上海", decide("美洲", "成都").bureau());
    }

    @Test
    void ipVpnNetworkLevelTestsAreLedByTheGroupNoc() {
        LeadBureau.Decision d = rule.decide(place("武汉"), place("成都"), BusinessType.IP_VPN);
        assertEquals(LeadBureau.GROUP_NOC, d.bureau());
        assertEquals(GROUP_NOC, d.clause());
        assertNull(d.end());
    }

    @Test
    void placesAcceptCommonSpellingsAndExplicitProvinces() {
        LeadBureau.Place p = place("武汉市");
        assertEquals("武汉", p.city());
        assertEquals("湖北", p.province());
        assertTrue(p.capital());
        // A city not in the table decides with its province given.
        LeadBureau.Place q = place("潜山", "安徽省", false);
        assertEquals("安徽", q.province());
        assertEquals("合肥", LeadBureauTables.CAPITAL_OF_PROVINCE.get(q.province()));
        assertThrows(DomainException.class, () -> place("潜山"));
        assertThrows(DomainException.class, () -> place("武汉", null, true));
        assertThrows(DomainException.class, () -> place("某城", "火星", false));
    }

    @Test
    void everyProvinceHasItsCapitalRanked() {
        assertEquals(31, LeadBureauTables.CAPITAL_OF_PROVINCE.size());
        LeadBureauTables.CAPITAL_OF_PROVINCE.values()
                .forEach(c -> assertTrue(LeadBureauTables.CAPITAL_RANKING.contains(c), c));
        LeadBureauTables.PROVINCE_OF_CITY.values()
                .forEach(p -> assertTrue(LeadBureauTables.CAPITAL_OF_PROVINCE.containsKey(p), p));
    }

    @Test
    void aGatewayMapMustCoverEverySubsidiaryWithAGateway() {
        assertThrows(IllegalArgumentException.class, () -> new LeadBureau.Settings(LeadBureau.End.A,
                Map.of("香港", "广州", "美洲", "上海"), Set.of()));
        assertThrows(IllegalArgumentException.class, () -> new LeadBureau.Settings(LeadBureau.End.A,
                Map.of("香港", "武汉", "美洲", "上海", "欧洲", "北京"), Set.of()));
        assertThrows(IllegalArgumentException.class, () -> LeadBureau.Settings.parseGateways("香港广州"));
        assertEquals(Map.of("香港", "上海", "美洲", "上海", "欧洲", "北京"),
                LeadBureau.Settings.parseGateways("香港=上海, 美洲=上海,欧洲=北京"));
    }
}
