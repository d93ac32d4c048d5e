package cn.onepoint.demo;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code onepoint.demo-data.*}; env twins {@code ONEPOINT_DEMO_DATA_ENABLED}, {@code ONEPOINT_DEMO_DATA_TICKETS}. */
@ConfigMapping(prefix = "onepoint.demo-data")
public interface DemoDataConfig {

    /** Seed the demo directory at startup into an empty database. True in %dev, false elsewhere. */
    @WithDefault("false")
    boolean enabled();

    /** With the directory, seed a few live fault tickets, so that the wallboard is not empty (docs/dev-data.md). */
    @WithDefault("true")
    boolean tickets();
}
