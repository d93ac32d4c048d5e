package cn.onepoint.notify;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.List;
import java.util.Map;

/**
 * Every channel on, against {@link NotifyServers}; the tests run the sweep and the delivery job themselves, with
 * small batches (so two runs interleave), 3 attempts and a one-minute first backoff.
 */
public class NotifyChannelsProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("onepoint.sla.sweep-enabled", "false",
                "onepoint.notify.delivery-enabled", "false",
                "onepoint.notify.channels", "LOG,EMAIL,WEBHOOK",
                "onepoint.notify.batch-size", "5",
                "onepoint.notify.max-attempts", "3",
                "onepoint.notify.backoff", "PT1M",
                "onepoint.notify.mail.from", "noc@onepoint.example.cn");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(NotifyServers.class));
    }
}
