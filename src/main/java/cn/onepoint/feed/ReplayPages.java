package cn.onepoint.feed;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Full replay pages read from the table, kept for the next connection replaying the same range: after a burst
 * of drops or a restart, thousands of clients replay the same stretch of the feed page by page, and without this
 * each of them reads and frames every page for itself. Pages are aligned by the subscribers (they end on
 * multiples of the page size), so the same (cursor, size) comes back. The least recently used page goes first.
 * A full page never changes: seqs are gap-free and rows are immutable once sequenced; retention is checked
 * against a fresh floor by the caller.
 */
final class ReplayPages {

    private record Key(long cursor, int size) {
    }

    private final int capacity;
    private final Map<Key, List<FeedEvent>> pages;
    private final AtomicLong hits = new AtomicLong();

    ReplayPages(int capacity) {
        this.capacity = Math.max(0, capacity);
        this.pages = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, List<FeedEvent>> eldest) {
                return size() > ReplayPages.this.capacity;
            }
        };
    }

    /** The page after {@code cursor} of {@code size} events, or null. */
    synchronized List<FeedEvent> get(long cursor, int size) {
        List<FeedEvent> page = pages.get(new Key(cursor, size));
        if (page != null) {
            hits.incrementAndGet();
        }
        return page;
    }

    /** Keeps a full page (exactly {@code size} events after {@code cursor}). */
    synchronized void put(long cursor, int size, List<FeedEvent> events) {
        if (capacity == 0 || events.size() != size || events.get(0).seq() != cursor + 1
                || events.get(size - 1).seq() != cursor + size) {
            return; // not a full, gap-free page: nothing to share
        }
        pages.put(new Key(cursor, size), List.copyOf(events));
    }

    long hits() {
        return hits.get();
    }
}
