#!/usr/bin/env bash
# Side-by-side PromQL benchmark: real Prometheus 2.42 and `vigil server`, each on its own copy of the
# same blocks, answering the same /api/v1/query_range requests in one run, alternating between the
# servers request by request. Reports the median latency per query, each server's peak RSS (VmHWM)
# and the raw scan rate of count_over_time({__name__=~".+"}[1d]) in samples per CPU-second of the
# server process, as a Markdown table with Vigil/Prometheus ratios against issue 3's goals (every
# query at least as fast, the median 2x faster, the raw scan 4x Prometheus's rate). Every response
# pair is also compared (same series, values within 1e-9): a benchmark of wrong answers means nothing.
#
# Build first:  ./mvnw -B -q install -DskipTests && ./mvnw -B -q -pl vigil-bench package -DskipTests
#
# Usage: vigil-bench/scripts/query-vs-prometheus.sh [options]
#   --series N       series in the dataset (default 10000)
#   --hours H        hours of data at 15 s (default 24)
#   --seed S         dataset seed (default 1)
#   --rounds R       timed requests per query and server (default 7)
#   --step D         query_range step in seconds (default 60)
#   --work-dir DIR   where blocks (kept and reused) and logs go (default /tmp/vigil-query-bench)
# Environment:
#   VIGIL_JAVA_OPTS  JVM options for vigil server (default: -Xms1g -Xmx2g -XX:+UseParallelGC)
#   PROMETHEUS       prometheus binary (default: prometheus on PATH)
#   VIGIL            vigil launcher (default: bin/vigil of this checkout)
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
series=10000
hours=24
seed=1
rounds=7
step=60
work=/tmp/vigil-query-bench

die() { echo "query-vs-prometheus: $*" >&2; exit 2; }

while [ $# -gt 0 ]; do
  case "$1" in
    --series) series="${2:?--series needs a value}"; shift 2 ;;
    --hours) hours="${2:?--hours needs a value}"; shift 2 ;;
    --seed) seed="${2:?--seed needs a value}"; shift 2 ;;
    --rounds) rounds="${2:?--rounds needs a value}"; shift 2 ;;
    --step) step="${2:?--step needs a value}"; shift 2 ;;
    --work-dir) work="${2:?--work-dir needs a value}"; shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown argument $1 (try --help)" ;;
  esac
done

export VIGIL_JAVA_OPTS="${VIGIL_JAVA_OPTS:--Xms1g -Xmx2g -XX:+UseParallelGC}"
prometheus="${PROMETHEUS:-prometheus}"
vigil="${VIGIL:-$repo/bin/vigil}"
bench_jar="$repo/vigil-bench/target/vigil-benchmarks.jar"
command -v "$prometheus" >/dev/null || die "prometheus not found (Debian: apt-get install prometheus)"
command -v curl >/dev/null || die "curl not found"
command -v python3 >/dev/null || die "python3 not found"
[ -f "$bench_jar" ] || die "$bench_jar missing; build: ./mvnw -B -q -pl vigil-bench package -DskipTests"

mkdir -p "$work"
data="$work/data-s$series-h$hours-seed$seed"
facts="$data.facts"
if [ ! -s "$facts" ]; then
  rm -rf "$data"
  echo "generating $data ..." >&2
  java -Xmx3g -cp "$bench_jar" dev.vigil.bench.query.QueryBenchData "$data" "$series" "$hours" "$seed" > "$facts.tmp"
  mv "$facts.tmp" "$facts"
fi
fact() { sed -n "s/^$1=//p" "$facts"; }
seconds() { printf '%d.%03d' $(($1 / 1000)) $(($1 % 1000)); }
max_time_s=$(seconds "$(fact max_time_ms)")
min_time_s=$(seconds "$(fact min_time_ms)")

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

rm -rf "$work/prom" "$work/vigil"
cp -r "$data" "$work/prom"
cp -r "$data" "$work/vigil"
printf 'global:\n  scrape_interval: 15s\n' > "$work/prometheus.yml"

prom_port=$(free_port)
"$prometheus" --config.file="$work/prometheus.yml" --storage.tsdb.path="$work/prom" \
  --web.listen-address="127.0.0.1:$prom_port" --storage.tsdb.retention.time=100y \
  --storage.tsdb.min-block-duration=2h --storage.tsdb.max-block-duration=2h > "$work/prometheus.log" 2>&1 &
prom_pid=$!
pids+=("$prom_pid")
vigil_port=$(free_port)
"$vigil" server --storage.tsdb.path="$work/vigil" --web.listen-address="127.0.0.1:$vigil_port" > "$work/vigil.log" 2>&1 &
vigil_pid=$!  # bin/vigil execs java: this is the server's JVM
pids+=("$vigil_pid")

wait_ready() {
  local url="$1" i
  for i in $(seq 1 120); do
    curl -sf "$url/-/ready" > /dev/null && return 0
    sleep 0.5
  done
  die "$url did not become ready"
}
prom="http://127.0.0.1:$prom_port"
vig="http://127.0.0.1:$vigil_port"
wait_ready "$prom"
wait_ready "$vig"

queries=(
  'raw selector|demo_cpu_usage_seconds_total'
  'rate|rate(demo_cpu_usage_seconds_total[5m])'
  'sum by (job) of rate|sum by (job) (rate(demo_api_request_duration_seconds_count[5m]))'
  'histogram_quantile|histogram_quantile(0.99, sum by (le) (rate(demo_api_request_duration_seconds_bucket[5m])))'
  'group_left|demo_memory_usage_bytes * on (instance) group_left (job) demo_num_cpus'
)

# One request; prints seconds and leaves the body in $2.
request() {
  local base="$1" out="$2" query="$3"
  curl -s -o "$out" -w '%{time_total}' "$base/api/v1/query_range" --data-urlencode "query=$query" \
    --data-urlencode "start=$min_time_s" --data-urlencode "end=$max_time_s" --data-urlencode "step=$step"
}

same_answer() {
  python3 - "$1" "$2" <<'PY'
import json, math, sys
a, b = (json.load(open(p)) for p in sys.argv[1:3])
if a.get("status") != "success" or b.get("status") != "success":
    sys.exit("status: %s / %s %s" % (a.get("status"), b.get("status"), b.get("error", "")))
def index(r):
    return {json.dumps(s["metric"], sort_keys=True): s["values"] for s in r["data"]["result"]}
x, y = index(a), index(b)
if x.keys() != y.keys():
    sys.exit("series differ: %d vs %d" % (len(x), len(y)))
for k in x:
    if len(x[k]) != len(y[k]):
        sys.exit("points differ for %s" % k)
    for (t1, v1), (t2, v2) in zip(x[k], y[k]):
        f1, f2 = float(v1), float(v2)
        if t1 != t2 or not (f1 == f2 or (math.isnan(f1) and math.isnan(f2)) or abs(f1 - f2) <= 1e-9 * abs(f2)):
            sys.exit("value differs for %s at %s: %s vs %s" % (k, t1, v1, v2))
print(sum(len(v) for v in x.values()))
PY
}

median() { sort -g | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

results="$work/results.tsv"
: > "$results"
for entry in "${queries[@]}"; do
  name="${entry%%|*}"
  query="${entry#*|}"
  echo "query: $query" >&2
  request "$prom" "$work/prom.json" "$query" > /dev/null
  request "$vig" "$work/vigil.json" "$query" > /dev/null
  points=$(same_answer "$work/prom.json" "$work/vigil.json") || die "answers differ for $query"
  : > "$work/t-prom"
  : > "$work/t-vigil"
  for r in $(seq 1 "$rounds"); do
    if [ $((r % 2)) -eq 1 ]; then
      request "$prom" /dev/null "$query" >> "$work/t-prom"; echo >> "$work/t-prom"
      request "$vig" /dev/null "$query" >> "$work/t-vigil"; echo >> "$work/t-vigil"
    else
      request "$vig" /dev/null "$query" >> "$work/t-vigil"; echo >> "$work/t-vigil"
      request "$prom" /dev/null "$query" >> "$work/t-prom"; echo >> "$work/t-prom"
    fi
  done
  printf '%s\t%s\t%s\t%s\n' "$name" "$points" "$(median < "$work/t-prom")" "$(median < "$work/t-vigil")" >> "$results"
done

# Raw scan: CPU ticks of the server process around the same instant query, asked three times.
ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
hz=$(getconf CLK_TCK)
scan_query='count_over_time({__name__=~".+"}[1d])'
scan() {
  local base="$1" pid="$2" out="$3" before after total=0 r
  curl -s -o "$out" "$base/api/v1/query" --data-urlencode "query=$scan_query" --data-urlencode "time=$max_time_s"
  before=$(ticks "$pid")
  for r in $(seq 1 3); do
    curl -s -o /dev/null "$base/api/v1/query" --data-urlencode "query=$scan_query" --data-urlencode "time=$max_time_s"
  done
  after=$(ticks "$pid")
  echo $(( after - before ))
}
prom_ticks=$(scan "$prom" "$prom_pid" "$work/scan-prom.json")
vigil_ticks=$(scan "$vig" "$vigil_pid" "$work/scan-vigil.json")
# On this data both servers answer "vector cannot contain metrics with the same labelset" (series
# differing only in name), which Prometheus finds after the whole matrix is computed, as does Vigil:
# every sample of the last day is read either way. Check the answers agree; count from the dataset.
cmp -s "$work/scan-prom.json" "$work/scan-vigil.json" || die "raw scan answers differ: $(head -c 300 "$work/scan-vigil.json")"
[ "$hours" -le 24 ] || die "--hours must be at most 24 for the 1d raw scan to read every sample"
scanned=$(fact samples)

hwm() { awk '/^VmHWM:/ { print $2 }' "/proc/$1/status"; }
prom_rss=$(hwm "$prom_pid")
vigil_rss=$(hwm "$vigil_pid")

python3 - "$results" "$scanned" "$prom_ticks" "$vigil_ticks" "$hz" "$prom_rss" "$vigil_rss" "$(fact series)" "$(fact samples)" "$rounds" "$step" <<'PY'
import statistics, sys
results, scanned, pt, vt, hz, prss, vrss, series, samples, rounds, step = sys.argv[1:]
scanned, pt, vt, hz = int(scanned), int(pt), int(vt), int(hz)
print("dataset: %s series, %s samples; %s timed requests per query and server, step %ss" % (series, samples, rounds, step))
print()
print("| query | points | Prometheus median (s) | Vigil median (s) | Vigil/Prometheus |")
print("|---|---|---|---|---|")
ratios = []
for line in open(results):
    name, points, p, v = line.rstrip("\n").split("\t")
    r = float(v) / float(p)
    ratios.append(r)
    print("| %s | %s | %.3f | %.3f | %.3f |" % (name, points, float(p), float(v), r))
print()
print("median ratio %.3f (goal <= 0.5), worst %.3f (goal <= 1.0)" % (statistics.median(ratios), max(ratios)))
prate = scanned * 3 / (pt / hz) if pt else float("inf")
vrate = scanned * 3 / (vt / hz) if vt else float("inf")
print("raw scan count_over_time({__name__=~\".+\"}[1d]), 3 runs: %d samples each; Prometheus %.0f samples/CPU-s (%.2f CPU-s), Vigil %.0f samples/CPU-s (%.2f CPU-s): %.2fx (goal >= 4)"
      % (scanned, prate, pt / hz, vrate, vt / hz, vrate / prate))
print("peak RSS: Prometheus %.0f MiB, Vigil %.0f MiB (%.2fx)" % (int(prss) / 1024, int(vrss) / 1024, int(vrss) / int(prss)))
PY
