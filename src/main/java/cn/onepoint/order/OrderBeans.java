package cn.onepoint.order;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Builds the pure P9 rule from configuration once; a bad gateway map stops start-up with its reason. */
@ApplicationScoped
public class OrderBeans {

    @Produces
    @Singleton
    @Startup
    LeadBureau leadBureau(OrderConfig config) {
        OrderConfig.LeadBureauSettings s = config.leadBureau();
        return new LeadBureau(new LeadBureau.Settings(s.sameProvinceEnd(),
                LeadBureau.Settings.parseGateways(s.overseasGateways()), s.groupNocBusinessTypes()));
    }
}
