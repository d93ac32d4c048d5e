#!/usr/bin/env bash
# Live-feed benchmark (docs/performance.md, "Live feed"): builds OnePoint, starts it on 127.0.0.1 against the
# machine's PostgreSQL (127.0.0.1:5432, user postgres, trust auth) in a database of its own, connects
# SUBSCRIBERS WebSocket clients to /ws/feed, writes RATE events/s into the outbox for WARMUP s (not measured)
# and then DURATION s, and prints commit→receipt latency, lost messages and the service's RSS. Loopback only;
# everything stops by itself.
#
#   bash bench/feed-bench.sh                       # 2000 subscribers, 500 events/s, 10 s warm-up + 60 s
#   SUBSCRIBERS=500 RATE=200 DURATION=30 bash bench/feed-bench.sh
#   STORM=40 bash bench/feed-bench.sh              # every client drops its connection at second 40 and resumes
set -euo pipefail
cd "$(dirname "$0")/.."

SUBSCRIBERS=${SUBSCRIBERS:-2000}
RATE=${RATE:-500}
DURATION=${DURATION:-60}
WARMUP=${WARMUP:-10}
STORM=${STORM:-0}
PAYLOAD=${PAYLOAD:-1000}
PORT=${PORT:-18080}
DB=${DB:-onepoint_feed_bench}
PGHOST=127.0.0.1
JAVA_OPTS=${JAVA_OPTS:-}

psql -h "$PGHOST" -U postgres -qc "drop database if exists $DB" postgres
psql -h "$PGHOST" -U postgres -qc "create database $DB" postgres

if [[ "${SKIP_BUILD:-}" != 1 ]]; then
  ./mvnw -q -B package -DskipTests
  ./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
fi

LOG=target/feed-bench-service.log
QUARKUS_DATASOURCE_REACTIVE_URL="postgresql://$PGHOST:5432/$DB" \
QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$PGHOST:5432/$DB" \
QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_DATASOURCE_PASSWORD=postgres \
QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT="$PORT" \
QUARKUS_DATASOURCE_REACTIVE_MAX_SIZE=20 \
  java $JAVA_OPTS -jar target/quarkus-app/quarkus-run.jar >"$LOG" 2>&1 &
SERVICE=$!
RSS_LOG=target/feed-bench-rss.txt
: >"$RSS_LOG"
cleanup() {
  kill "$SAMPLER" 2>/dev/null || true
  kill "$SERVICE" 2>/dev/null || true
  wait "$SERVICE" 2>/dev/null || true
}
trap cleanup EXIT

for _ in $(seq 1 120); do
  if curl -sf "http://127.0.0.1:$PORT/q/health/ready" >/dev/null; then break; fi
  sleep 0.5
done
curl -sf "http://127.0.0.1:$PORT/q/health/ready" >/dev/null || { echo "service did not start; see $LOG"; exit 1; }
echo "service up (pid $SERVICE), RSS $(awk '/VmRSS/{print $2/1024 " MiB"}' /proc/$SERVICE/status)"

# RSS of the service once a second while the load runs.
( while kill -0 "$SERVICE" 2>/dev/null; do awk '/VmRSS/{print $2}' /proc/$SERVICE/status >>"$RSS_LOG"; sleep 1; done ) &
SAMPLER=$!

java -Xmx2g ${BENCH_JAVA_OPTS:-} -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" cn.onepoint.feed.bench.FeedBench \
  host=127.0.0.1 port="$PORT" db="postgresql://postgres@$PGHOST:5432/$DB" \
  subscribers="$SUBSCRIBERS" rate="$RATE" seconds="$DURATION" warmup="$WARMUP" storm="$STORM" payload="$PAYLOAD"

echo "service RSS: peak $(sort -n "$RSS_LOG" | tail -1 | awk '{printf "%.0f MiB", $1/1024}'), last $(tail -1 "$RSS_LOG" | awk '{printf "%.0f MiB", $1/1024}')"
curl -s "http://127.0.0.1:$PORT/q/metrics" | grep -E '^onepoint_feed_(connections|slow_consumers_dropped_total|relay_sequenced_total|relay_lag_seconds) ' || true
