package cn.onepoint.notify;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.vertx.ext.mail.StartTLSOptions;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Notification delivery (docs/notifications.md); every key has an env-var twin, e.g. ONEPOINT_NOTIFY_CHANNELS. */
@ConfigMapping(prefix = "onepoint.notify")
public interface NotifyConfig {

    /** The channels every notification is delivered through. */
    @WithDefault("LOG")
    Set<Channel> channels();

    /** Whether the scheduled delivery job runs on this instance (rows still queue when it does not). */
    @WithDefault("true")
    boolean deliveryEnabled();

    /** How often the delivery job looks for due deliveries. */
    @WithDefault("1s")
    String interval();

    /** Deliveries claimed per run. */
    @WithDefault("50")
    int batchSize();

    /** Attempts before a delivery is FAILED for good. */
    @WithDefault("8")
    int maxAttempts();

    /** The wait after the first failed attempt; doubled after each further one. */
    @WithDefault("PT30S")
    Duration backoff();

    /** The longest wait between two attempts. */
    @WithDefault("PT1H")
    Duration backoffMax();

    /**
     * How long a claimed delivery is left to its sender before another run may take it again (a replica that died
     * while sending); longer than any send can take.
     */
    @WithDefault("PT2M")
    Duration lease();

    Mail mail();

    Webhook webhook();

    /** The SMTP server e-mails are handed to (EMAIL channel). */
    interface Mail {
        /** The sender address. */
        @WithDefault("onepoint@localhost")
        String from();

        @WithDefault("localhost")
        String host();

        @WithDefault("25")
        int port();

        Optional<String> username();

        Optional<String> password();

        /** STARTTLS: DISABLED, OPTIONAL (when the server offers it) or REQUIRED. */
        @WithDefault("OPTIONAL")
        StartTLSOptions startTls();

        /** TLS from the first byte (SMTPS, usually port 465). */
        @WithDefault("false")
        boolean ssl();
    }

    interface Webhook {
        /** The bot URLs every notification is posted to (WEBHOOK channel); none: nothing is posted. */
        Optional<List<String>> urls();

        /** A POST that takes longer fails (and is retried). */
        @WithDefault("PT5S")
        Duration timeout();
    }
}
