package cn.onepoint.order;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tables behind P9 (manual 2.2.7 业务领导局排序原则): the ranking of provincial capitals, each province's
 * capital, the province of each prefecture-level city, the gateway bureaus and the overseas subsidiaries.
 * A city missing here can still be decided when the caller names its province ({@code aProvince}).
 */
final class LeadBureauTables {

    private LeadBureauTables() {
    }

    /** P9 (1): provincial capitals from highest to lowest, as the manual lists them (呼和 = 呼和浩特). */
    static final List<String> CAPITAL_RANKING = List.of(
            "北京", "上海", "武汉", "沈阳", "西安", "成都", "南京", "广州", "天津", "兰州", "重庆", "石家庄", "济南",
            "太原", "郑州", "长春", "哈尔滨", "合肥", "杭州", "长沙", "南昌", "福州", "贵阳", "南宁", "海口", "昆明",
            "呼和浩特", "西宁", "乌鲁木齐", "银川", "拉萨");

    /** P9 (4): gateway bureaus 出入口局 from highest to lowest. */
    static final List<String> GATEWAY_RANKING = List.of("上海", "广州", "北京");

    /** P9 (6): overseas subsidiaries 海外公司 from highest to lowest. */
    static final List<String> OVERSEAS_RANKING = List.of("香港", "美洲", "欧洲");

    /** Short spellings people use for a city, mapped to the name the tables use. */
    static final Map<String, String> CITY_ALIASES = Map.of("呼和", "呼和浩特", "乌市", "乌鲁木齐");

    /** Province (short name) → its capital. Municipalities are their own capital. */
    static final Map<String, String> CAPITAL_OF_PROVINCE = new LinkedHashMap<>();

    /** Prefecture-level city (and a few county-level cities people name as a city) → province. */
    static final Map<String, String> PROVINCE_OF_CITY = new LinkedHashMap<>();

    static {
        String[][] capitals = {
                {"北京", "北京"}, {"上海", "上海"}, {"天津", "天津"}, {"重庆", "重庆"}, {"湖北", "武汉"},
                {"辽宁", "沈阳"}, {"陕西", "西安"}, {"四川", "成都"}, {"江苏", "南京"}, {"广东", "广州"},
                {"甘肃", "兰州"}, {"河北", "石家庄"}, {"山东", "济南"}, {"山西", "太原"}, {"河南", "郑州"},
                {"吉林", "长春"}, {"黑龙江", "哈尔滨"}, {"安徽", "合肥"}, {"浙江", "杭州"}, {"湖南", "长沙"},
                {"江西", "南昌"}, {"福建", "福州"}, {"贵州", "贵阳"}, {"广西", "南宁"}, {"海南", "海口"},
                {"云南", "昆明"}, {"内蒙古", "呼和浩特"}, {"青海", "西宁"}, {"新疆", "乌鲁木齐"}, {"宁夏", "银川"},
                {"西藏", "拉萨"}};
        for (String[] c : capitals) {
            CAPITAL_OF_PROVINCE.put(c[0], c[1]);
            PROVINCE_OF_CITY.put(c[1], c[0]);
        }
        cities("河北", "唐山 秦皇岛 邯郸 邢台 保定 张家口 承德 沧州 廊坊 衡水");
        cities("山西", "大同 阳泉 长治 晋城 朔州 晋中 运城 忻州 临汾 吕梁");
        cities("内蒙古", "包头 乌海 赤峰 通辽 鄂尔多斯 呼伦贝尔 巴彦淖尔 乌兰察布 锡林浩特 乌兰浩特");
        cities("辽宁", "大连 鞍山 抚顺 本溪 丹东 锦州 营口 阜新 辽阳 盘锦 铁岭 朝阳 葫芦岛");
        cities("吉林", "吉林 四平 辽源 通化 白山 松原 白城 延吉");
        cities("黑龙江", "齐齐哈尔 鸡西 鹤岗 双鸭山 大庆 伊春 佳木斯 七台河 牡丹江 黑河 绥化 加格达奇");
        cities("江苏", "无锡 徐州 常州 苏州 南通 连云港 淮安 盐城 扬州 镇江 泰州 宿迁 昆山 江阴");
        cities("浙江", "宁波 温州 嘉兴 湖州 绍兴 金华 衢州 舟山 台州 丽水 义乌");
        cities("安徽", "芜湖 蚌埠 淮南 马鞍山 淮北 铜陵 安庆 黄山 滁州 阜阳 宿州 六安 亳州 池州 宣城");
        cities("福建", "厦门 莆田 三明 泉州 漳州 南平 龙岩 宁德");
        cities("江西", "景德镇 萍乡 九江 新余 鹰潭 赣州 吉安 宜春 抚州 上饶");
        cities("山东", "青岛 淄博 枣庄 东营 烟台 潍坊 济宁 泰安 威海 日照 临沂 德州 聊城 滨州 菏泽");
        cities("河南", "开封 洛阳 平顶山 安阳 鹤壁 新乡 焦作 濮阳 许昌 漯河 三门峡 南阳 商丘 信阳 周口 驻马店 济源");
        cities("湖北", "黄石 十堰 宜昌 襄阳 鄂州 荆门 孝感 荆州 黄冈 咸宁 随州 恩施 仙桃 潜江 天门");
        cities("湖南", "株洲 湘潭 衡阳 邵阳 岳阳 常德 张家界 益阳 郴州 永州 怀化 娄底 吉首");
        cities("广东", "深圳 珠海 汕头 佛山 韶关 湛江 肇庆 江门 茂名 惠州 梅州 汕尾 河源 阳江 清远 东莞 中山 潮州 揭阳 云浮");
        cities("广西", "柳州 桂林 梧州 北海 防城港 钦州 贵港 玉林 百色 贺州 河池 来宾 崇左");
        cities("海南", "三亚 三沙 儋州");
        cities("四川", "自贡 攀枝花 泸州 德阳 绵阳 广元 遂宁 内江 乐山 南充 眉山 宜宾 广安 达州 雅安 巴中 资阳 马尔康 康定 西昌");
        cities("贵州", "六盘水 遵义 安顺 毕节 铜仁 兴义 凯里 都匀");
        cities("云南", "曲靖 玉溪 保山 昭通 丽江 普洱 临沧 楚雄 蒙自 文山 景洪 大理 芒市 泸水 香格里拉");
        cities("西藏", "日喀则 昌都 林芝 山南 那曲 噶尔");
        cities("陕西", "铜川 宝鸡 咸阳 渭南 延安 汉中 榆林 安康 商洛");
        cities("甘肃", "嘉峪关 金昌 白银 天水 武威 张掖 平凉 酒泉 庆阳 定西 陇南 临夏 合作");
        cities("青海", "海东 格尔木 德令哈 玉树");
        cities("宁夏", "石嘴山 吴忠 固原 中卫");
        cities("新疆", "克拉玛依 吐鲁番 哈密 昌吉 博乐 库尔勒 阿克苏 阿图什 喀什 和田 伊宁 塔城 阿勒泰 石河子");
    }

    private static void cities(String province, String names) {
        for (String city : names.split(" ")) {
            PROVINCE_OF_CITY.put(city, province);
        }
    }

    /** Province names as people write them: 湖北省, 广西壮族自治区, 北京市 → 湖北, 广西, 北京. */
    static String province(String raw) {
        if (raw == null) {
            return null;
        }
        String p = raw.trim();
        for (String suffix : new String[] {"壮族自治区", "回族自治区", "维吾尔自治区", "自治区", "省", "市"}) {
            if (p.endsWith(suffix) && p.length() > suffix.length() + 1) {
                return p.substring(0, p.length() - suffix.length());
            }
        }
        return p;
    }

    /** City names as people write them: 武汉市 → 武汉, 呼和 → 呼和浩特. */
    static String city(String raw) {
        if (raw == null) {
            return null;
        }
        String c = raw.trim();
        if (c.endsWith("市") && c.length() > 2) {
            c = c.substring(0, c.length() - 1);
        }
        return CITY_ALIASES.getOrDefault(c, c);
    }
}
