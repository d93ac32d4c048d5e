package cn.onepoint.feed;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

import java.util.List;

/**
 * One fan-out round: events in seq order, and all their frames back to back in one direct buffer, built once
 * for every connection that takes the whole round (the usual case: a wallboard without filters). Such a
 * connection writes the round with one write and one flush, and the kernel gets the bytes without a copy per
 * connection. Used on the fan-out's thread only; the fan-out releases it after offering it to every sink.
 */
public final class FeedBatch {

    private final List<FeedEvent> events;
    private ByteBuf frames;

    FeedBatch(List<FeedEvent> events) {
        this.events = List.copyOf(events);
    }

    public List<FeedEvent> events() {
        return events;
    }

    /** The round's frames, retained for the caller, who hands them to Netty (which releases them) or releases them. */
    ByteBuf retainedFrames() {
        if (frames == null) {
            frames = FeedFrames.join(ByteBufAllocator.DEFAULT, events.stream().map(FeedEvent::frame).toList());
        }
        return frames.retainedDuplicate();
    }

    void release() {
        if (frames != null) {
            frames.release();
            frames = null;
        }
    }
}
