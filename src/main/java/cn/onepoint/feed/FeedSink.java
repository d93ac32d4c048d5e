package cn.onepoint.feed;

/** A receiver of the live stream on one instance: a WebSocket connection, or a test's recorder. */
public interface FeedSink {

    /** Called in seq order, once per event, from the fan-out; must not block. */
    void offer(FeedEvent event);

    /** Events after {@code cursor} were purged before this instance delivered them; the sink cannot continue. */
    default void expired(long cursor, long floor) {
    }
}
