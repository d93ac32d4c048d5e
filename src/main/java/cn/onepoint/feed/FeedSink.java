package cn.onepoint.feed;

/** A receiver of the live stream on one instance: a WebSocket connection, or a test's recorder. */
public interface FeedSink {

    /** Called from the fan-out with each round of events, rounds in seq order; must not block. */
    void offer(FeedBatch batch);

    /** Events after {@code cursor} were purged before this instance delivered them; the sink cannot continue. */
    default void expired(long cursor, long floor) {
    }

    /** A round could not be handed to it; the fan-out has let it go, and it must not carry on with a gap. */
    default void failed(Throwable cause) {
    }
}
