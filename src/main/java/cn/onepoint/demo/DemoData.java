package cn.onepoint.demo;

import cn.onepoint.directory.BusinessType;
import cn.onepoint.directory.Circuit;
import cn.onepoint.directory.Customer;
import cn.onepoint.directory.Customer.EscalationContact;
import cn.onepoint.directory.CustomerLevel;
import cn.onepoint.directory.DirectoryService;
import cn.onepoint.directory.Person;
import cn.onepoint.directory.Role;
import cn.onepoint.directory.Tier;
import cn.onepoint.directory.Unit;
import cn.onepoint.directory.UnitKind;
import cn.onepoint.directory.dto.CircuitEndBody;
import cn.onepoint.directory.dto.CircuitRequest;
import cn.onepoint.directory.dto.CustomerRequest;
import cn.onepoint.directory.dto.PersonRequest;
import cn.onepoint.directory.dto.UnitRequest;
import cn.onepoint.ticket.Channel;
import cn.onepoint.ticket.Ticket;
import cn.onepoint.ticket.TicketService;
import cn.onepoint.ticket.dto.CreateTicketRequest;
import cn.onepoint.ticket.dto.DispatchRequest;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static cn.onepoint.directory.BusinessType.DIGITAL_CIRCUIT;
import static cn.onepoint.directory.BusinessType.INTERNET_LINE;
import static cn.onepoint.directory.BusinessType.MPLS_VPN;
import static cn.onepoint.directory.BusinessType.MSTP;
import static cn.onepoint.directory.BusinessType.SWITCHING;
import static cn.onepoint.directory.Role.ACCEPTOR;
import static cn.onepoint.directory.Role.CHIEF_CUSTOMER_ENGINEER;
import static cn.onepoint.directory.Role.CHIEF_CUSTOMER_MANAGER;
import static cn.onepoint.directory.Role.CONTROLLER;
import static cn.onepoint.directory.Role.CUSTOMER_MANAGER;
import static cn.onepoint.directory.Role.HANDLER;
import static cn.onepoint.directory.Role.SUPERVISOR;
import static cn.onepoint.directory.Tier.GROUP;
import static cn.onepoint.directory.Tier.LOCAL;
import static cn.onepoint.directory.Tier.PROVINCE;
import static cn.onepoint.directory.UnitKind.ACCEPTANCE_DESK;
import static cn.onepoint.directory.UnitKind.CONTROL_DESK;
import static cn.onepoint.directory.UnitKind.CUSTOMER_SUPPORT;
import static cn.onepoint.directory.UnitKind.HANDLING;

/**
 * A readable demo directory for dev mode (docs/dev-data.md lists every code): three provinces with two
 * local networks each, the group backbone and control desk, an acceptance desk per province, people in
 * their roles, customers of each level and circuits within and across provinces.
 *
 * <p>Everything is created through {@link DirectoryService}, so the same validation applies as for the API.
 * At startup it runs only when {@code onepoint.demo-data.enabled} (true in %dev) and the unit table is
 * empty; {@link #seed()} itself skips every record whose code (people: name within the unit) exists.
 *
 * <p>Then, unless {@code onepoint.demo-data.tickets} is false, a few live fault tickets through
 * {@link TicketService} (with their timers and feed events), so that the wallboard has something to show: one
 * only taken, two accepted, one dispatched whose work order waits to be accepted (its T4 timer breaches and
 * escalates five minutes after start). A ticket is skipped when one with its circuit and symptom exists.
 */
@ApplicationScoped
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class);

    record UnitSeed(String code, String name, Tier tier, UnitKind kind, String province, String city,
                    String parent, boolean backbone) {
    }

    record PersonSeed(String unit, String name, String login, Set<Role> roles) {
    }

    record CustomerSeed(String code, String name, CustomerLevel level, String province, String city,
                        String cce, String cm, List<EscalationContact> escalationList) {
    }

    record EndSeed(String station, String city, String province, boolean capital, String unit) {
    }

    record CircuitSeed(String code, String customer, BusinessType type, EndSeed a, EndSeed z, String backbone) {
    }

    static final List<UnitSeed> UNITS = List.of(
            new UnitSeed("GRP-CTL", "集团网络运营管控工位", GROUP, CONTROL_DESK, null, null, null, false),
            new UnitSeed("GRP-BB", "集团骨干网处理工位", GROUP, HANDLING, null, null, null, true),
            new UnitSeed("GRP-CSC", "集团客户支撑中心", GROUP, CUSTOMER_SUPPORT, null, null, null, false),
            new UnitSeed("HB", "湖北省公司网管中心", PROVINCE, CONTROL_DESK, "湖北", null, null, false),
            new UnitSeed("HB-ACC", "湖北省统一受理工位", PROVINCE, ACCEPTANCE_DESK, "湖北", null, null, false),
            new UnitSeed("HB-CSC", "湖北省客户支撑中心", PROVINCE, CUSTOMER_SUPPORT, "湖北", null, null, false),
            new UnitSeed("HB-WH", "武汉本地网", LOCAL, HANDLING, "湖北", "武汉", "HB", false),
            new UnitSeed("HB-YC", "宜昌本地网", LOCAL, HANDLING, "湖北", "宜昌", "HB", false),
            new UnitSeed("SC", "四川省公司网管中心", PROVINCE, CONTROL_DESK, "四川", null, null, false),
            new UnitSeed("SC-ACC", "四川省统一受理工位", PROVINCE, ACCEPTANCE_DESK, "四川", null, null, false),
            new UnitSeed("SC-CSC", "四川省客户支撑中心", PROVINCE, CUSTOMER_SUPPORT, "四川", null, null, false),
            new UnitSeed("SC-CD", "成都本地网", LOCAL, HANDLING, "四川", "成都", "SC", false),
            new UnitSeed("SC-MY", "绵阳本地网", LOCAL, HANDLING, "四川", "绵阳", "SC", false),
            new UnitSeed("JS", "江苏省公司网管中心", PROVINCE, CONTROL_DESK, "江苏", null, null, false),
            new UnitSeed("JS-ACC", "江苏省统一受理工位", PROVINCE, ACCEPTANCE_DESK, "江苏", null, null, false),
            new UnitSeed("JS-CSC", "江苏省客户支撑中心", PROVINCE, CUSTOMER_SUPPORT, "江苏", null, null, false),
            new UnitSeed("JS-NJ", "南京本地网", LOCAL, HANDLING, "江苏", "南京", "JS", false),
            new UnitSeed("JS-SZ", "苏州本地网", LOCAL, HANDLING, "江苏", "苏州", "JS", false));

    /** A supervisor in every unit, then the people each kind of unit works with. Names are unique. */
    static final List<PersonSeed> PEOPLE = List.of(
            // supervisors 主管
            p("GRP-CTL", "周建国", "zhoujianguo", SUPERVISOR), p("GRP-BB", "郑海涛", "zhenghaitao", SUPERVISOR), p("GRP-CSC", "冯立新", "fenglixin", SUPERVISOR),
            p("HB", "何卫东", "heweidong", SUPERVISOR), p("HB-ACC", "罗晓燕", "luoxiaoyan", SUPERVISOR), p("HB-CSC", "梁文博", "liangwenbo", SUPERVISOR),
            p("HB-WH", "宋志刚", "songzhigang", SUPERVISOR), p("HB-YC", "唐春梅", "tangchunmei", SUPERVISOR),
            p("SC", "韩旭", "hanxu", SUPERVISOR), p("SC-ACC", "曹丽", "caoli", SUPERVISOR), p("SC-CSC", "彭涛", "pengtao", SUPERVISOR),
            p("SC-CD", "袁明", "yuanming", SUPERVISOR), p("SC-MY", "邓超", "dengchao", SUPERVISOR),
            p("JS", "许亮", "xuliang", SUPERVISOR), p("JS-ACC", "傅雯", "fuwen", SUPERVISOR), p("JS-CSC", "沈军", "shenjun", SUPERVISOR),
            p("JS-NJ", "曾伟", "zengwei", SUPERVISOR), p("JS-SZ", "吕洁", "lvjie", SUPERVISOR),
            // acceptors at the acceptance desks 受理工位
            p("HB-ACC", "李娜", "lina", ACCEPTOR), p("SC-ACC", "蒋琳", "jianglin", ACCEPTOR), p("JS-ACC", "蔡颖", "caiying", ACCEPTOR),
            // controllers at the control desks 管控工位
            p("GRP-CTL", "吴晓峰", "wuxiaofeng", CONTROLLER), p("HB", "谢斌", "xiebin", CONTROLLER), p("SC", "邹平", "zouping", CONTROLLER),
            p("JS", "潘越", "panyue", CONTROLLER),
            // handlers at the handling positions 处理工位
            p("GRP-BB", "田野", "tianye", HANDLER), p("HB-WH", "高翔", "gaoxiang", HANDLER), p("HB-YC", "方勇", "fangyong", HANDLER),
            p("SC-CD", "任杰", "renjie", HANDLER), p("SC-MY", "钟鸣", "zhongming", HANDLER), p("JS-NJ", "姚远", "yaoyuan", HANDLER),
            p("JS-SZ", "陆晨", "luchen", HANDLER),
            // a chief customer engineer and a customer manager per customer (O2)
            p("GRP-CSC", "陈思远", "chensiyuan", CHIEF_CUSTOMER_ENGINEER),
            p("GRP-CSC", "林婉清", "linwanqing", CUSTOMER_MANAGER, CHIEF_CUSTOMER_MANAGER),
            p("HB-CSC", "黄志强", "huangzhiqiang", CHIEF_CUSTOMER_ENGINEER), p("HB-CSC", "刘芳", "liufang", CUSTOMER_MANAGER),
            p("HB-CSC", "王磊", "wanglei", CHIEF_CUSTOMER_ENGINEER), p("HB-CSC", "张敏", "zhangmin", CUSTOMER_MANAGER),
            p("SC-CSC", "杨帆", "yangfan", CHIEF_CUSTOMER_ENGINEER), p("SC-CSC", "赵雪", "zhaoxue", CUSTOMER_MANAGER),
            p("JS-CSC", "孙浩", "sunhao", CHIEF_CUSTOMER_ENGINEER), p("JS-CSC", "徐静", "xujing", CUSTOMER_MANAGER));

    static final List<CustomerSeed> CUSTOMERS = List.of(
            new CustomerSeed("C-GRP-0001", "长江示例航运集团", CustomerLevel.GROUP, "湖北", "武汉", "陈思远", "林婉清",
                    List.of(new EscalationContact("林婉清", "首席客户经理", "13800000001"),
                            new EscalationContact("冯立新", "集团客户支撑中心主管", "13800000002"),
                            new EscalationContact("周建国", "集团网络运营管控主管", "13800000003"))),
            new CustomerSeed("C-HB-0001", "湖北示例电力公司", CustomerLevel.PROVINCIAL, "湖北", "武汉", "黄志强", "刘芳",
                    List.of()),
            new CustomerSeed("C-YC-0001", "宜昌示例文旅公司", CustomerLevel.LOCAL, "湖北", "宜昌", "王磊", "张敏",
                    List.of()),
            new CustomerSeed("C-SC-0001", "四川示例农商银行", CustomerLevel.PROVINCIAL, "四川", "成都", "杨帆", "赵雪",
                    List.of()),
            new CustomerSeed("C-JS-0001", "苏州示例精密制造", CustomerLevel.LOCAL, "江苏", "苏州", "孙浩", "徐静",
                    List.of()));

    private static final EndSeed WUHAN = new EndSeed("武汉汉口局", "武汉", "湖北", true, "HB-WH");
    private static final EndSeed YICHANG = new EndSeed("宜昌西陵局", "宜昌", "湖北", false, "HB-YC");
    private static final EndSeed CHENGDU = new EndSeed("成都东门局", "成都", "四川", true, "SC-CD");
    private static final EndSeed MIANYANG = new EndSeed("绵阳涪城局", "绵阳", "四川", false, "SC-MY");
    private static final EndSeed NANJING = new EndSeed("南京新街口局", "南京", "江苏", true, "JS-NJ");

    static final List<CircuitSeed> CIRCUITS = List.of(
            // across provinces, with the group backbone (GROUP scope, T3)
            new CircuitSeed("WH-CD-MSTP-0001", "C-GRP-0001", MSTP, WUHAN, CHENGDU, "GRP-BB"),
            new CircuitSeed("WH-NJ-MPLS-0001", "C-GRP-0001", MPLS_VPN, WUHAN, NANJING, "GRP-BB"),
            // inside one province
            new CircuitSeed("WH-YC-DC-0001", "C-HB-0001", DIGITAL_CIRCUIT, WUHAN, YICHANG, null),
            new CircuitSeed("CD-MY-INET-0001", "C-SC-0001", INTERNET_LINE, CHENGDU, MIANYANG, null),
            // inside one local network
            new CircuitSeed("YC-YC-INET-0001", "C-YC-0001", INTERNET_LINE, YICHANG,
                    new EndSeed("宜昌夷陵局", "宜昌", "湖北", false, "HB-YC"), null),
            new CircuitSeed("SZ-SZ-SW-0001", "C-JS-0001", SWITCHING,
                    new EndSeed("苏州园区局", "苏州", "江苏", false, "JS-SZ"),
                    new EndSeed("苏州古城局", "苏州", "江苏", false, "JS-SZ"), null));

    /** A live demo ticket: where it was taken, by whom it was accepted (null: only taken), dispatched or not. */
    record TicketSeed(String circuit, String customer, String customerName, BusinessType type, String direction,
                      String desk, String acceptor, boolean dispatch, String symptom, String reporter) {
    }

    static final List<TicketSeed> TICKETS = List.of(
            new TicketSeed("CD-MY-INET-0001", "C-SC-0001", "四川示例农商银行", INTERNET_LINE, "成都—绵阳", "SC-ACC",
                    null, false, "绵阳网点专线时断时通，丢包约 30%", "赵主任"),
            new TicketSeed("SZ-SZ-SW-0001", "C-JS-0001", "苏州示例精密制造", SWITCHING, "苏州园区—苏州古城", "JS-ACC",
                    "蔡颖", false, "园区厂区中继语音单通", "钱工"),
            new TicketSeed("WH-NJ-MPLS-0001", "C-GRP-0001", "长江示例航运集团", MPLS_VPN, "武汉—南京", "HB-ACC",
                    "李娜", false, "南京分部 VPN 访问武汉总部时延超过 200 ms", "孙经理"),
            new TicketSeed("YC-YC-INET-0001", "C-YC-0001", "宜昌示例文旅公司", INTERNET_LINE, "宜昌西陵—宜昌夷陵",
                    "HB-ACC", "李娜", true, "景区售票系统专线中断", "周经理"));

    private final DirectoryService directory;
    private final TicketService tickets;
    private final DemoDataConfig config;
    private final Clock clock;

    public DemoData(DirectoryService directory, TicketService tickets, DemoDataConfig config, Clock clock) {
        this.directory = directory;
        this.tickets = tickets;
        this.config = config;
        this.clock = clock;
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.enabled()) {
            return;
        }
        int created;
        try {
            created = VertxContextSupport.subscribeAndAwait(this::seedIfEmpty);
        } catch (Throwable e) {
            throw new IllegalStateException("Could not create the demo data", e);
        }
        if (created > 0) {
            LOG.infof("Demo data: %d records created (directory and live tickets, docs/dev-data.md)", created);
        } else {
            LOG.info("Demo data: the directory already has units, nothing created");
        }
    }

    /** Seeds only into an empty directory, so a developer's own data is never mixed with demo data. */
    public Uni<Integer> seedIfEmpty() {
        return Panache.withTransaction(() -> Unit.count()
                .chain(units -> units == 0 ? seed() : Uni.createFrom().item(0)));
    }

    /**
     * Creates every demo record that does not exist yet, in one transaction; returns how many it created
     * (0 on a second call).
     */
    public Uni<Integer> seed() {
        return Panache.withTransaction(() -> {
            Run run = new Run();
            Uni<Void> steps = Uni.createFrom().voidItem();
            for (UnitSeed s : UNITS) {
                steps = steps.chain(() -> unit(run, s));
            }
            for (PersonSeed s : PEOPLE) {
                steps = steps.chain(() -> person(run, s));
            }
            for (CustomerSeed s : CUSTOMERS) {
                steps = steps.chain(() -> customer(run, s));
            }
            for (CircuitSeed s : CIRCUITS) {
                steps = steps.chain(() -> circuit(run, s));
            }
            if (config.tickets()) {
                for (TicketSeed s : TICKETS) {
                    steps = steps.chain(() -> ticket(run, s));
                }
            }
            return steps.map(v -> run.created);
        });
    }

    /** How many records {@link #seed()} creates in an empty database. */
    int size() {
        return UNITS.size() + PEOPLE.size() + CUSTOMERS.size() + CIRCUITS.size()
                + (config.tickets() ? TICKETS.size() : 0);
    }

    // ---- one record each --------------------------------------------------------------------------

    private Uni<Void> unit(Run run, UnitSeed s) {
        return Unit.<Unit>find("code", s.code()).firstResult()
                .chain(found -> found != null ? Uni.createFrom().item(found)
                        : directory.createUnit(new UnitRequest(s.code(), s.name(), s.tier(), s.kind(), s.province(),
                                s.city(), s.parent() == null ? null : run.units.get(s.parent()).toString(),
                                s.backbone())).invoke(run::created))
                .invoke(u -> run.units.put(s.code(), u.id))
                .replaceWithVoid();
    }

    private Uni<Void> person(Run run, PersonSeed s) {
        UUID unitId = run.units.get(s.unit());
        return Person.<Person>find("name = ?1 and unitId = ?2", s.name(), unitId).firstResult()
                .chain(found -> found != null ? Uni.createFrom().item(found)
                        : directory.createPerson(new PersonRequest(s.name(), unitId.toString(), s.roles(), null, null,
                                s.login()))
                        .invoke(run::created))
                .invoke(p -> run.people.put(s.name(), p.id))
                .replaceWithVoid();
    }

    private Uni<Void> customer(Run run, CustomerSeed s) {
        return Customer.<Customer>find("code", s.code()).firstResult()
                .chain(found -> found != null ? Uni.createFrom().item(found)
                        : directory.createCustomer(new CustomerRequest(s.code(), s.name(), s.level(), s.province(),
                                s.city(), run.people.get(s.cce()).toString(), run.people.get(s.cm()).toString(),
                                new ArrayList<>(s.escalationList()))).invoke(run::created))
                .invoke(c -> run.customers.put(s.code(), c.id))
                .replaceWithVoid();
    }

    private Uni<Void> circuit(Run run, CircuitSeed s) {
        return Circuit.<Circuit>find("code", s.code()).firstResult()
                .chain(found -> found != null ? Uni.createFrom().item(found)
                        : directory.createCircuit(new CircuitRequest(s.code(), run.customers.get(s.customer()).toString(),
                                s.type(), end(run, s.a()), end(run, s.z()),
                                s.backbone() == null ? null : run.units.get(s.backbone()).toString()))
                        .invoke(run::created))
                .replaceWithVoid();
    }

    private Uni<Void> ticket(Run run, TicketSeed s) {
        return Ticket.count("circuitCode = ?1 and symptom = ?2", s.circuit(), s.symptom())
                .chain(n -> n > 0 ? Uni.createFrom().voidItem() : tickets.create(new CreateTicketRequest(s.customer(),
                                s.type(), s.circuit(), s.customerName(), s.direction(),
                                clock.instant().minus(Duration.ofMinutes(20)), s.symptom(),
                                new CreateTicketRequest.Reporter(s.reporter(), "13800000000"), Channel.HOTLINE,
                                run.units.get(s.desk()).toString(), null, null, null, null, null))
                        .invoke(run::created)
                        .chain(t -> s.acceptor() == null ? Uni.createFrom().item(t)
                                : tickets.accept(t.id, run.people.get(s.acceptor()).toString(), null))
                        .chain(t -> !s.dispatch() ? Uni.createFrom().voidItem()
                                : tickets.dispatch(t.id, new DispatchRequest(run.people.get(s.acceptor()).toString(),
                                        null, null), null).replaceWithVoid())
                        .replaceWithVoid());
    }

    private static CircuitEndBody end(Run run, EndSeed e) {
        return new CircuitEndBody(e.station(), e.city(), e.province(), e.capital(), false,
                run.units.get(e.unit()).toString());
    }

    private static PersonSeed p(String unit, String name, String login, Role first, Role... more) {
        return new PersonSeed(unit, name, login, EnumSet.of(first, more));
    }

    /** Ids by code (people by name) of one seeding run, and how many records it created. */
    private static final class Run {
        final Map<String, UUID> units = new HashMap<>();
        final Map<String, UUID> people = new HashMap<>();
        final Map<String, UUID> customers = new HashMap<>();
        int created;

        void created(Object record) {
            created++;
        }
    }
}
