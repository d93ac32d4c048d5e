package cn.onepoint.feed;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The replay queue: permits in arrival order, handed on without recursion, released once. */
class ReplayGateTest {

    @Test
    void aLongRunOfWaitersThatFinishAtOnceIsWorkedOffWithoutRecursion() {
        ReplayGate gate = new ReplayGate(1);
        List<ReplayGate.Permit> first = new ArrayList<>();
        gate.acquire(first::add);
        // As after a reconnect storm whose clients went away while they waited: each finishes as soon as it runs.
        int waiters = 200_000;
        AtomicInteger ran = new AtomicInteger();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < waiters; i++) {
            int n = i;
            gate.acquire(permit -> {
                ran.incrementAndGet();
                if (n < 5) {
                    order.add(n);
                }
                permit.release();
            });
        }
        assertEquals(0, ran.get());
        first.get(0).release(); // nested hand-offs this deep would overflow the stack and strand the permit
        assertEquals(waiters, ran.get());
        assertEquals(List.of(0, 1, 2, 3, 4), order);
        assertEquals(0, gate.inUse());
    }

    @Test
    void aPermitReleasedTwiceFreesOneTurnAndAFailingTaskGivesItsBack() {
        ReplayGate gate = new ReplayGate(2);
        List<ReplayGate.Permit> held = new ArrayList<>();
        gate.acquire(held::add);
        gate.acquire(held::add);
        List<ReplayGate.Permit> waiting = new ArrayList<>();
        gate.acquire(waiting::add);
        assertEquals(List.of(), waiting);
        held.get(0).release();
        held.get(0).release();
        assertEquals(1, waiting.size());
        assertEquals(2, gate.inUse(), "the second release of one permit freed nothing");

        gate.acquire(permit -> {
            throw new IllegalStateException("page could not be read");
        });
        held.get(1).release(); // its turn goes to the failing task, which gives it back
        assertEquals(1, gate.inUse());
        waiting.get(0).release();
        assertEquals(0, gate.inUse());
    }
}
