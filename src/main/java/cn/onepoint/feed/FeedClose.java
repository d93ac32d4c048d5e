package cn.onepoint.feed;

import cn.onepoint.common.Messages;
import io.quarkus.websockets.next.CloseReason;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Close codes of the feed sockets (application range 4000–4999, named after the HTTP status they echo). */
public enum FeedClose {
    /** A query parameter cannot be understood (the reason names it). */
    BAD_PARAMETER(4400, "feed.badParameter"),
    /** The {@link FeedAuthorizer} grants nothing. */
    FORBIDDEN(4403, "feed.forbidden"),
    /** The client did not keep up: its buffer filled. Reconnect with {@code since} = the last seq received. */
    TOO_SLOW(4408, "feed.tooSlow"),
    /** Events after {@code since} are no longer retained: reload state, then reconnect without since. */
    SINCE_TOO_OLD(4410, "feed.sinceTooOld"),
    /** {@code since} is beyond the end of the feed (another database, a restore): reload state. */
    SINCE_AHEAD(4410, "feed.sinceAhead");

    public final int code;
    private final String key;

    FeedClose(int code, String key) {
        this.code = code;
        this.key = key;
    }

    CloseReason reason(Locale locale, Object... args) {
        return new CloseReason(code, fit(Messages.text(locale, key, args)));
    }

    /** A close reason may carry at most 123 bytes of UTF-8. */
    private static String fit(String text) {
        String s = text;
        while (s.getBytes(StandardCharsets.UTF_8).length > 123) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }
}
