package cn.onepoint.order;

import cn.onepoint.common.FieldErrors;
import cn.onepoint.common.Messages;
import cn.onepoint.directory.BusinessType;
import cn.onepoint.order.dto.LeadBureauView;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** P9: which bureau leads a circuit between two places. */
@Path("lead-bureau")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Orders")
public class LeadBureauResource {

    private final LeadBureau rule;

    public LeadBureauResource(LeadBureau rule) {
        this.rule = rule;
    }

    @GET
    @Operation(summary = "Which bureau leads (业务领导局, P9)",
            description = "a and z are city names (武汉, 成都, 苏州) or overseas subsidiaries (香港, 美洲, 欧洲). A city not in the "
                    + "built-in table needs aProvince / zProvince. aGateway / zGateway mark an international gateway bureau "
                    + "出入口局 (上海, 广州, 北京). Answers the bureau (or GROUP_NOC for IP VPN network-level tests), the end, the "
                    + "clause that decided and why.")
    public LeadBureauView decide(
            @Parameter(description = "A-end city", example = "武汉") @QueryParam("a") String a,
            @Parameter(description = "Z-end city", example = "成都") @QueryParam("z") String z,
            @Parameter(description = "Business type (IP_VPN → GROUP_NOC)") @QueryParam("businessType") String businessType,
            @Parameter(description = "A end's province, for a city not in the table") @QueryParam("aProvince") String aProvince,
            @Parameter(description = "Z end's province, for a city not in the table") @QueryParam("zProvince") String zProvince,
            @Parameter(description = "The A end is a gateway bureau 出入口局") @QueryParam("aGateway") boolean aGateway,
            @Parameter(description = "The Z end is a gateway bureau 出入口局") @QueryParam("zGateway") boolean zGateway,
            @Context HttpHeaders headers) {
        FieldErrors errors = new FieldErrors();
        LeadBureau.Place pa = LeadBureau.place(a, aProvince, aGateway, errors, "a", "aProvince", "aGateway");
        LeadBureau.Place pz = LeadBureau.place(z, zProvince, zGateway, errors, "z", "zProvince", "zGateway");
        BusinessType type = null;
        if (businessType != null && !businessType.isBlank()) {
            try {
                type = BusinessType.valueOf(businessType);
            } catch (IllegalArgumentException e) {
                errors.add("businessType", "unknownEnum", businessType,
                        Arrays.stream(BusinessType.values()).map(Enum::name).collect(Collectors.joining(", ")));
            }
        }
        errors.throwIfAny();
        LeadBureau.Decision d = rule.decide(pa, pz, type);
        return LeadBureauView.of(d, explain(Messages.locale(headers), d, type));
    }

    /** Why, in words: one text per clause (p9.explain.*). */
    static String explain(Locale locale, LeadBureau.Decision d, BusinessType type) {
        String key = "p9.explain." + d.clause() + (d.proxyFor() != null ? ".proxy" : "");
        LeadBureau.Place lead = d.end() == null ? null : d.end() == LeadBureau.End.A ? d.a() : d.z();
        String capital = lead == null || lead.province() == null ? ""
                : LeadBureauTables.CAPITAL_OF_PROVINCE.get(lead.province());
        return Messages.text(locale, key, d.bureau(), d.a().city(), d.z().city(), d.proxyFor(),
                type == null ? "" : type.name(), d.end() == null ? "" : d.end().name(), capital);
    }
}
