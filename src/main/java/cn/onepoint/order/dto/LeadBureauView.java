package cn.onepoint.order.dto;

import cn.onepoint.order.LeadBureau;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "LeadBureau", description = "P9: the lead bureau 业务领导局 of a circuit and the clause that decided")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LeadBureauView(
        @Schema(description = "The leading city, or GROUP_NOC", examples = "武汉") String bureau,
        LeadBureau.Clause clause,
        @Schema(examples = "P9(1)") String ref,
        @Schema(description = "A or Z; absent when the bureau is at neither end") LeadBureau.End end,
        @Schema(description = "P9(5): the overseas subsidiary a gateway bureau organises for") String proxyFor,
        @Schema(description = "Why, in the caller's language") String explanation,
        Place a, Place z) {

    @Schema(name = "LeadBureauPlace")
    public record Place(String city, String province, boolean capital, boolean overseas, boolean gateway) {
        static Place of(LeadBureau.Place p) {
            return new Place(p.city(), p.province(), p.capital(), p.overseas(), p.gateway());
        }
    }

    public static LeadBureauView of(LeadBureau.Decision d, String explanation) {
        return new LeadBureauView(d.bureau(), d.clause(), d.clause().ref(), d.end(), d.proxyFor(), explanation,
                Place.of(d.a()), Place.of(d.z()));
    }
}
