package cn.onepoint.feed;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The last events this instance fanned out, in seq order without holes, already framed. A connection resuming
 * with a {@code since} they cover (a wallboard back from a network blip, a client dropped as too slow) replays
 * from here: no query, no decoding, the same bytes every other connection got. Older {@code since} values
 * replay from the table.
 */
final class RecentEvents {

    private final FeedEvent[] ring;
    // Guarded by this. The events held are seqs first .. first + size - 1.
    private int head;
    private int size;
    private long first;
    /** The latest cutoff a purge on this instance used (the scheduled one uses the retention). */
    private Instant purgedBefore = Instant.MIN;

    RecentEvents(int capacity) {
        this.ring = new FeedEvent[Math.max(0, capacity)];
    }

    /** Appends events that follow on from what is held; anything else (a hole) starts the ring afresh. */
    synchronized void add(List<FeedEvent> events) {
        if (ring.length == 0) {
            return;
        }
        for (FeedEvent e : events) {
            if (size > 0 && e.seq() != first + size) {
                size = 0;
            }
            if (size == 0) {
                head = 0;
                first = e.seq();
            }
            if (size == ring.length) {
                ring[head] = null;
                head = (head + 1) % ring.length;
                first++;
                size--;
            }
            ring[(head + size) % ring.length] = e;
            size++;
        }
    }

    /** A purge with this cutoff ran here: events before it may be gone from the table. */
    synchronized void purged(Instant cutoff) {
        if (cutoff.isAfter(purgedBefore)) {
            purgedBefore = cutoff;
        }
    }

    /**
     * A replay page after {@code cursor} (at most {@code max} events) when the ring covers it, else null. An
     * empty page means the ring ends at {@code cursor}: later events reach the connection live.
     *
     * <p>Retention cuts the table's prefix before the first event at or after the cutoff
     * ({@link FeedStore#purge}), so an event that old may be gone there: then null, and the table decides
     * (with 4410 if it was purged), so both paths answer the same {@code since} the same way.
     */
    synchronized FeedStore.Page after(long cursor, int max, Instant cutoff) {
        if (size == 0 || cursor < first - 1 || cursor > first + size - 1) {
            return null;
        }
        int from = (int) (cursor + 1 - first);
        Instant retainedFrom = cutoff.isAfter(purgedBefore) ? cutoff : purgedBefore;
        if (from < size && ring[(head + from) % ring.length].eventTime().isBefore(retainedFrom)) {
            return null;
        }
        int n = Math.min(max, size - from);
        List<FeedEvent> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(ring[(head + from + i) % ring.length]);
        }
        return new FeedStore.Page(first, first + size - 1, out);
    }
}
