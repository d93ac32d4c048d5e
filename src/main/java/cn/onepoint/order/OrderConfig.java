package cn.onepoint.order;

import cn.onepoint.directory.BusinessType;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Set;

/**
 * Settings of provisioning orders ({@code onepoint.orders.*}; env vars {@code ONEPOINT_ORDERS_*}). The step
 * limits in working days (survey 2, plan 12, warning pool 10, warning lead 5/3, resource system 2, CRM note 1)
 * and the weekly progress report are the timer engine's {@code onepoint.sla.*} keys (SlaPolicy): one home.
 */
@ConfigMapping(prefix = "onepoint.orders")
public interface OrderConfig {

    LeadBureauSettings leadBureau();

    interface LeadBureauSettings {
        /** P9: between two non-capitals of one province the manual is silent; this end leads (A or Z). */
        @WithDefault("A")
        LeadBureau.End sameProvinceEnd();

        /**
         * P9(5): the gateway bureau 出入口局 that serves each overseas subsidiary, as {@code 海外公司=出入口局} pairs.
         * The manual says the gateways involved decide but not which gateway serves which subsidiary.
         */
        @WithDefault("香港=广州,美洲=上海,欧洲=北京")
        String overseasGateways();

        /** P9: business types whose network-level tests the group NOC leads (IP 虚拟专网). */
        @WithDefault("IP_VPN")
        Set<BusinessType> groupNocBusinessTypes();
    }
}
