package cn.onepoint.order;

import cn.onepoint.common.FieldErrors;
import cn.onepoint.directory.BusinessType;
import com.fasterxml.jackson.annotation.JsonValue;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static cn.onepoint.order.LeadBureauTables.CAPITAL_OF_PROVINCE;
import static cn.onepoint.order.LeadBureauTables.CAPITAL_RANKING;
import static cn.onepoint.order.LeadBureauTables.GATEWAY_RANKING;
import static cn.onepoint.order.LeadBureauTables.OVERSEAS_RANKING;
import static cn.onepoint.order.LeadBureauTables.PROVINCE_OF_CITY;

/**
 * P9: which bureau leads a circuit 业务领导局 (manual 2.2.7): it organises the end-to-end test and reports full
 * completion (P7, P8). A pure rule: the tables are {@link LeadBureauTables}, the choices the manual leaves open
 * are {@link Settings}. {@link #decide} answers the bureau and the clause that decided it.
 */
public final class LeadBureau {

    /** The answer for IP VPN network-level tests (P9: 集团NOC). */
    public static final String GROUP_NOC = "GROUP_NOC";

    @Schema(name = "LeadBureauEnd")
    public enum End {
        A, Z;

        End other() {
            return this == A ? Z : A;
        }
    }

    /** Which clause of 2.2.7 decided. */
    @Schema(name = "LeadBureauClause")
    public enum Clause {
        /** IP 虚拟专网电路网络级测试的业务领导局为集团NOC. */
        GROUP_NOC("P9 IP VPN"),
        /** (6) 海外公司从高到低: 香港、美洲、欧洲. */
        OVERSEAS_RANK("P9(6)"),
        /** (5) 海外公司与境内公司: as between the gateways involved; the gateway organises as proxy. */
        OVERSEAS_VIA_GATEWAY("P9(5)"),
        /** (4) 出入口局间: 上海、广州、北京. */
        GATEWAY_RANK("P9(4)"),
        /** (1) 省会局站之间 by the ranking. */
        CAPITAL_RANK("P9(1)"),
        /** (2) 省会与非省会: the capital. */
        CAPITAL_OVER_NON_CAPITAL("P9(2)"),
        /** (3) 不同省的非省会: the one whose provincial capital ranks higher. */
        PROVINCE_CAPITAL_RANK("P9(3)"),
        /** Same-province non-capitals: the manual is silent; a configured end (default A). */
        SAME_PROVINCE_DEFAULT("P9 default");

        private final String ref;

        Clause(String ref) {
            this.ref = ref;
        }

        @JsonValue
        public String wire() {
            return name();
        }

        public String ref() {
            return ref;
        }
    }

    /**
     * One end as the rule sees it.
     *
     * @param province short name (湖北), null for an overseas subsidiary
     * @param gateway  the end is an international gateway bureau 出入口局 (only 上海, 广州, 北京 have one)
     */
    public record Place(String city, String province, boolean capital, boolean overseas, boolean gateway) {
    }

    /**
     * @param bureau   the leading city, or {@link #GROUP_NOC}
     * @param end      the end that leads, or null when the bureau is at neither end (a gateway acting for an
     *                 overseas subsidiary, the group NOC)
     * @param proxyFor the overseas subsidiary a gateway bureau organises for (P9(5)), else null
     */
    public record Decision(String bureau, End end, Clause clause, String proxyFor, Place a, Place z) {
    }

    /**
     * Choices the manual leaves open.
     *
     * @param sameProvinceEnd  the end that leads between two non-capitals of one province (manual silent)
     * @param overseasGateways which gateway bureau serves each overseas subsidiary (P9(5); manual silent)
     * @param groupNocTypes    business types whose network-level tests the group NOC leads (IP VPN)
     */
    public record Settings(End sameProvinceEnd, Map<String, String> overseasGateways, Set<BusinessType> groupNocTypes) {
        public Settings {
            for (String overseas : OVERSEAS_RANKING) {
                String gateway = overseasGateways.get(overseas);
                if (gateway == null || !GATEWAY_RANKING.contains(gateway)) {
                    throw new IllegalArgumentException("P9: overseas subsidiary " + overseas
                            + " needs a gateway bureau among " + GATEWAY_RANKING + ", got " + gateway);
                }
            }
            overseasGateways = Map.copyOf(overseasGateways);
            groupNocTypes = Set.copyOf(groupNocTypes);
        }

        /** 香港 → 广州, 美洲 → 上海, 欧洲 → 北京; A end; IP_VPN. */
        public static Settings defaults() {
            return new Settings(End.A, parseGateways("香港=广州,美洲=上海,欧洲=北京"), Set.of(BusinessType.IP_VPN));
        }

        /** "香港=广州,美洲=上海,欧洲=北京" → map; a bad entry is an IllegalArgumentException naming it. */
        public static Map<String, String> parseGateways(String spec) {
            Map<String, String> map = new LinkedHashMap<>();
            for (String entry : spec.split(",")) {
                String[] kv = entry.split("=");
                if (kv.length != 2 || kv[0].isBlank() || kv[1].isBlank()) {
                    throw new IllegalArgumentException("P9 gateway map: expected 海外公司=出入口局, got '" + entry + "'");
                }
                map.put(LeadBureauTables.city(kv[0]), LeadBureauTables.city(kv[1]));
            }
            return map;
        }
    }

    private final Settings settings;

    public LeadBureau(Settings settings) {
        this.settings = settings;
    }

    public Settings settings() {
        return settings;
    }

    /**
     * Resolves one end from what a caller knows. {@code province} overrides the city table (a city not in it
     * needs one); a capital's province comes from the table. Problems go to {@code errors} under
     * {@code field} / {@code provinceField} / {@code gatewayField}, and the result is null.
     */
    public static Place place(String city, String province, boolean gateway, FieldErrors errors, String field,
                              String provinceField, String gatewayField) {
        String c = LeadBureauTables.city(city);
        if (c == null || c.isBlank()) {
            errors.add(field, "field.required");
            return null;
        }
        if (gateway && !GATEWAY_RANKING.contains(c)) {
            errors.add(gatewayField, "p9.notGateway", c, String.join("、", GATEWAY_RANKING));
            return null;
        }
        if (OVERSEAS_RANKING.contains(c)) {
            return new Place(c, null, false, true, false);
        }
        boolean capital = CAPITAL_RANKING.contains(c);
        String p = capital ? PROVINCE_OF_CITY.get(c) : LeadBureauTables.province(province);
        if (p == null || p.isBlank()) {
            p = PROVINCE_OF_CITY.get(c);
        }
        if (p == null) {
            errors.add(provinceField, "p9.unknownCity", c);
            return null;
        }
        if (!CAPITAL_OF_PROVINCE.containsKey(p)) {
            errors.add(provinceField, "p9.unknownProvince", province);
            return null;
        }
        return new Place(c, p, capital, false, gateway);
    }

    /** An overseas end whose name is not one of the subsidiaries is refused by {@link #place}; this checks a flag. */
    public static boolean isOverseasSubsidiary(String city) {
        return OVERSEAS_RANKING.contains(LeadBureauTables.city(city));
    }

    /** P9, clause by clause, in the order the manual gives precedence. */
    public Decision decide(Place a, Place z, BusinessType type) {
        if (type != null && settings.groupNocTypes().contains(type)) {
            return new Decision(GROUP_NOC, null, Clause.GROUP_NOC, null, a, z);
        }
        if (a.overseas() && z.overseas()) {
            End end = rank(OVERSEAS_RANKING, a.city()) <= rank(OVERSEAS_RANKING, z.city()) ? End.A : End.Z;
            return at(end, Clause.OVERSEAS_RANK, a, z);
        }
        if (a.overseas() || z.overseas()) {
            return overseasVsDomestic(a, z);
        }
        if (a.gateway() && z.gateway()) {
            End end = rank(GATEWAY_RANKING, a.city()) <= rank(GATEWAY_RANKING, z.city()) ? End.A : End.Z;
            return at(end, Clause.GATEWAY_RANK, a, z);
        }
        if (a.capital() && z.capital()) {
            End end = rank(CAPITAL_RANKING, a.city()) <= rank(CAPITAL_RANKING, z.city()) ? End.A : End.Z;
            return at(end, Clause.CAPITAL_RANK, a, z);
        }
        if (a.capital() != z.capital()) {
            return at(a.capital() ? End.A : End.Z, Clause.CAPITAL_OVER_NON_CAPITAL, a, z);
        }
        if (!a.province().equals(z.province())) {
            int ra = rank(CAPITAL_RANKING, CAPITAL_OF_PROVINCE.get(a.province()));
            int rz = rank(CAPITAL_RANKING, CAPITAL_OF_PROVINCE.get(z.province()));
            return at(ra < rz ? End.A : End.Z, Clause.PROVINCE_CAPITAL_RANK, a, z);
        }
        return at(settings.sameProvinceEnd(), Clause.SAME_PROVINCE_DEFAULT, a, z);
    }

    /**
     * P9(5): 海外公司与境内公司之间的领导关系,按具体业务涉及的出入口局之间的领导关系确定,由出入口局负责代理组织. The gateways
     * involved are the overseas subsidiary's gateway and, when the domestic end is a gateway city, that city's;
     * the higher-ranked one leads. When it is the subsidiary's gateway at another city, it organises as proxy.
     */
    private Decision overseasVsDomestic(Place a, Place z) {
        End overseasEnd = a.overseas() ? End.A : End.Z;
        Place overseas = a.overseas() ? a : z;
        Place domestic = a.overseas() ? z : a;
        String gateway = settings.overseasGateways().get(overseas.city());
        String lead = Stream.of(gateway, GATEWAY_RANKING.contains(domestic.city()) ? domestic.city() : null)
                .filter(s -> s != null)
                .min(Comparator.comparingInt(g -> rank(GATEWAY_RANKING, g))).orElseThrow();
        if (lead.equals(domestic.city())) {
            return at(overseasEnd.other(), Clause.OVERSEAS_VIA_GATEWAY, a, z);
        }
        return new Decision(lead, null, Clause.OVERSEAS_VIA_GATEWAY, overseas.city(), a, z);
    }

    private static Decision at(End end, Clause clause, Place a, Place z) {
        return new Decision((end == End.A ? a : z).city(), end, clause, null, a, z);
    }

    private static int rank(List<String> ranking, String city) {
        int i = ranking.indexOf(city);
        return i < 0 ? Integer.MAX_VALUE : i;
    }
}
