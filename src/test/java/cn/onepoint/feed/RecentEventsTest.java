package cn.onepoint.feed;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The ring of recently fanned-out events that resumes are served from. */
class RecentEventsTest {

    private static final Instant T0 = Instant.parse("2026-11-25T08:00:00Z");

    private static FeedEvent event(long seq) {
        return new FeedEvent(seq, "tickets", "TroubleTicketStatusChangeEvent", T0.plusSeconds(seq), null, null, null,
                UUID.randomUUID(), "{}");
    }

    private static List<FeedEvent> events(long from, long to) {
        return LongStream.rangeClosed(from, to).mapToObj(RecentEventsTest::event).toList();
    }

    private static List<Long> seqs(FeedStore.Page page) {
        return page.events().stream().map(FeedEvent::seq).toList();
    }

    @Test
    void keepsTheLastEventsAcrossTheWrapAndAnswersOnlyWhatItCovers() {
        RecentEvents ring = new RecentEvents(5);
        ring.add(events(1, 3));
        ring.add(events(4, 8)); // wraps: holds 4..8
        assertEquals(List.of(4L, 5L, 6L, 7L, 8L), seqs(ring.after(3, 100, T0)));
        assertEquals(List.of(6L, 7L), seqs(ring.after(5, 2, T0)));
        assertEquals(List.of(), seqs(ring.after(8, 100, T0)), "up to date: empty page, then live");
        assertNull(ring.after(2, 100, T0), "event 3 is no longer held: replay from the table");
        assertNull(ring.after(9, 100, T0), "ahead of what this instance delivered: the table decides");
        assertEquals(4, ring.after(3, 100, T0).floor());
        assertEquals(8, ring.after(3, 100, T0).last());
    }

    @Test
    void aHoleStartsTheRingAfresh() {
        RecentEvents ring = new RecentEvents(10);
        ring.add(events(1, 4));
        ring.add(events(10, 11)); // retention overtook the fan-out: 5..9 never came
        assertNull(ring.after(3, 100, T0));
        assertEquals(List.of(10L, 11L), seqs(ring.after(9, 100, T0)));
    }

    @Test
    void eventsOlderThanRetentionOrAPurgeAreLeftToTheTable() {
        RecentEvents ring = new RecentEvents(10);
        ring.add(events(1, 6));
        assertNull(ring.after(1, 100, T0.plusSeconds(3)), "event 2 is older than the retention cutoff");
        assertEquals(List.of(4L, 5L, 6L), seqs(ring.after(3, 100, T0.plusSeconds(3))));
        ring.purged(T0.plusSeconds(5));
        assertNull(ring.after(3, 100, T0), "a purge here may have removed event 4");
        assertEquals(List.of(6L), seqs(ring.after(5, 100, T0)));
    }

    @Test
    void capacityZeroKeepsNothing() {
        RecentEvents ring = new RecentEvents(0);
        ring.add(events(1, 3));
        assertNull(ring.after(1, 100, T0));
    }
}
