package cn.onepoint.demo;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code onepoint.demo-data.*}; env twin {@code ONEPOINT_DEMO_DATA_ENABLED}. */
@ConfigMapping(prefix = "onepoint.demo-data")
public interface DemoDataConfig {

    /** Seed the demo directory at startup into an empty database. True in %dev, false elsewhere. */
    @WithDefault("false")
    boolean enabled();
}
