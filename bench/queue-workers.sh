#!/bin/sh
# Ingest throughput through the PostgreSQL queue with 1 and 2 worker processes:
#   npm run build && sh test/db/postgres.sh sh bench/queue-workers.sh <articles.jsonl> [rounds]
# (or with PARALLAX_TEST_DATABASE_URL pointing at a server you may create databases on).
# Per round and worker count: a fresh database, the file queued (not timed), then N
# workers started together with --exit-when-empty; the time is until the last one exits
# (their start-up included). Besides the wall time it reports the CPU the workers used and,
# when PARALLAX_TEST_PGDATA names the server's data folder (test/db/postgres.sh sets it),
# the CPU of the server's processes: on a shared machine the wall time depends on the
# other load, the CPU per article depends on it less. Prints one line per run and the
# medians of the rates and of the CPU seconds. WORKER_NODE_FLAGS are given to each worker's
# node (e.g. --single-threaded-gc, to keep V8's helper threads off the second core).
set -eu
FILE=${1:?name a JSONL file of articles}
ROUNDS=${2:-3}
SERVER=${PARALLAX_TEST_DATABASE_URL:?run through test/db/postgres.sh or set PARALLAX_TEST_DATABASE_URL}
BASE=${SERVER%/*}
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
now() { node -e 'console.log(Date.now())'; }
# CPU seconds of the postmaster's finished children (backends exit with their connections).
server_cpu() {
  if [ -n "${PARALLAX_TEST_PGDATA:-}" ] && [ -r "$PARALLAX_TEST_PGDATA/postmaster.pid" ]; then
    pid=$(head -1 "$PARALLAX_TEST_PGDATA/postmaster.pid")
    awk -v hz="$(getconf CLK_TCK)" '{ printf "%.1f", ($16 + $17) / hz }' "/proc/$pid/stat"
  else
    echo 0
  fi
}
for round in $(seq "$ROUNDS"); do
  for workers in 1 2; do
    db="parallax_bench_${round}_${workers}"
    psql -q "$SERVER" -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db" 2> /dev/null
    url="$BASE/$db"
    node dist/cli/ingest.js --queue --database-url "$url" --job-size 10 "$FILE" > /dev/null
    server_before=$(server_cpu)
    start=$(now)
    pids=""
    for w in $(seq "$workers"); do
      # shellcheck disable=SC2086 # the flags are words
      node ${WORKER_NODE_FLAGS:-} dist/cli/worker.js --database-url "$url" --exit-when-empty --quiet > "$OUT/worker$w" 2>&1 &
      pids="$pids $!"
    done
    for pid in $pids; do wait "$pid"; done
    ms=$(($(now) - start))
    server=$(awk -v a="$server_before" -v b="$(server_cpu)" 'BEGIN { printf "%.1f", b - a }')
    cpu=$(cat "$OUT"/worker* | sed -n 's/.*(\([0-9.]*\) s CPU).*/\1/p' | awk '{ s += $1 } END { printf "%.1f", s }')
    words=$(psql -tA "$url" -c "SELECT sum(word_count) FROM article")
    articles=$(psql -tA "$url" -c "SELECT count(*) FROM article")
    echo "round $round, $workers worker(s): $articles articles, $words words in $ms ms = $((words * 1000 / ms)) words/s; CPU: workers $cpu s, server $server s · load $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "$workers $((words * 1000 / ms)) $cpu $server" >> "$OUT/rates"
    psql -q "$SERVER" -c "DROP DATABASE $db"
  done
done
node -e '
  const lines = require("fs").readFileSync(process.argv[1], "utf8").trim().split("\n").map((l) => l.split(" ").map(Number));
  const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
  const of = (n, i) => median(lines.filter(([w]) => w === n).map((l) => l[i]));
  const [one, two] = [of(1, 1), of(2, 1)];
  console.log(`median: 1 worker ${one} words/s, 2 workers ${two} words/s, ${(two / one).toFixed(2)}x`);
  for (const n of [1, 2]) console.log(`median CPU, ${n} worker(s): workers ${of(n, 2)} s, server ${of(n, 3)} s`);' "$OUT/rates"
