package cn.onepoint.sla;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/**
 * Tests that drive the sweep and the notification delivery themselves: both schedules are off
 * (onepoint.sla.sweep-enabled, onepoint.notify.delivery-enabled), batches are
 * small so racing sweepers interleave, and the accept limit is overridden to prove config wins (T4).
 */
public class ManualSweepProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("onepoint.sla.sweep-enabled", "false", "onepoint.notify.delivery-enabled", "false",
                "onepoint.sla.batch-size", "50",
                "onepoint.sla.accept", "PT1M");
    }
}
