package cn.onepoint.sla;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/** Test-side observer of committed breaches: the benchmark's stopwatch (due → breach committed). */
@ApplicationScoped
public class BreachRecorder {

    private final AtomicBoolean recording = new AtomicBoolean();
    private final ConcurrentLinkedQueue<Duration> lags = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Instant> commits = new ConcurrentLinkedQueue<>();
    private final AtomicInteger transactions = new AtomicInteger();

    void on(@Observes BreachesCommitted e) {
        if (!recording.get()) {
            return;
        }
        transactions.incrementAndGet();
        commits.add(e.committedAt());
        for (BreachesCommitted.Breach b : e.breaches()) {
            lags.add(Duration.between(b.dueAt(), e.committedAt()));
        }
    }

    public void start() {
        lags.clear();
        commits.clear();
        transactions.set(0);
        recording.set(true);
    }

    public void stop() {
        recording.set(false);
    }

    public int count() {
        return lags.size();
    }

    public int transactions() {
        return transactions.get();
    }

    public List<Duration> lags() {
        return new ArrayList<>(lags);
    }

    public Instant lastCommit() {
        return commits.stream().max(Instant::compareTo).orElse(null);
    }
}
