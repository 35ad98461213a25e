#!/usr/bin/env bash
# Side-by-side ingestion benchmark: real Prometheus 2.42 and `vigil server`, started with the same
# prometheus.yml, scrape the same targets (dev.vigil.bench.scrape.TargetFarm: node-exporter-like
# series on one loopback port per target, values that change every interval) in one run. Once both
# have every target up, the CPU seconds (utime + stime of the server process from /proc/<pid>/stat,
# all threads, GC included, children excluded) and the samples each server reports appending are
# measured over the same window, so start-up is not counted. Reports CPU seconds per million samples,
# RSS (VmRSS) at the end, peak RSS (VmHWM, whole life) and RSS per active head series, as a Markdown
# table with Vigil/Prometheus ratios against issue 4's goals (both at most 0.5). Before reporting it
# checks that the two servers hold the same data: every target up, the same series per metric name,
# the same scraped sample counts, and the same sums within scrape-time differences (two scrapes' increase).
#
# Build first:  ./mvnw -B -q install -DskipTests && ./mvnw -B -q -pl vigil-bench package -DskipTests
#
# Usage: vigil-bench/scripts/ingest-vs-prometheus.sh [options]
#   --series N       series over all targets (default 200000)
#   --targets K      targets, one loopback port each (default 100)
#   --interval D     scrape interval: 500ms, 15s, 1m, ... (default 15s)
#   --minutes M      measured minutes, from when both servers have every target up (default 10)
#   --churn F        fraction of label sets the targets replace every interval (default 0)
#   --gzip on|off    whether targets gzip their bodies when asked, as both servers ask (default on)
#   --work-dir DIR   where the farm's file, both TSDBs, logs and samples.tsv go (default /tmp/vigil-ingest-bench)
# Environment:
#   VIGIL_JAVA_OPTS  JVM options for vigil server, added to bin/vigil's defaults for a server (default: none)
#   FARM_JAVA_OPTS   JVM options for the target farm (default: -Xmx1g -XX:+UseSerialGC)
#   PROMETHEUS       prometheus binary (default: prometheus on PATH)
#   VIGIL            vigil launcher (default: bin/vigil of this checkout)
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
series=200000
targets=100
interval=15s
minutes=10
churn=0
gzip=on
work=/tmp/vigil-ingest-bench

die() { echo "ingest-vs-prometheus: $*" >&2; exit 2; }

while [ $# -gt 0 ]; do
  case "$1" in
    --series) series="${2:?--series needs a value}"; shift 2 ;;
    --targets) targets="${2:?--targets needs a value}"; shift 2 ;;
    --interval) interval="${2:?--interval needs a value}"; shift 2 ;;
    --minutes) minutes="${2:?--minutes needs a value}"; shift 2 ;;
    --churn) churn="${2:?--churn needs a value}"; shift 2 ;;
    --gzip) gzip="${2:?--gzip needs a value}"; shift 2 ;;
    --work-dir) work="${2:?--work-dir needs a value}"; shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown argument $1 (try --help)" ;;
  esac
done

case "$interval" in
  *ms) interval_ms=${interval%ms} ;;
  *s) interval_ms=$((${interval%s} * 1000)) ;;
  *m) interval_ms=$((${interval%m} * 60000)) ;;
  *) die "--interval $interval: give it like 500ms, 15s or 1m" ;;
esac
[[ "$interval_ms" =~ ^[0-9]+$ && "$interval_ms" -gt 0 ]] || die "--interval $interval: give it like 500ms, 15s or 1m"
[[ "$minutes" =~ ^[0-9]+$ && "$minutes" -gt 0 ]] || die "--minutes must be a positive whole number"
[[ "$series" =~ ^[0-9]+$ && "$targets" =~ ^[0-9]+$ ]] || die "--series and --targets must be whole numbers"

export VIGIL_JAVA_OPTS="${VIGIL_JAVA_OPTS:-}"
farm_java_opts="${FARM_JAVA_OPTS:--Xmx1g -XX:+UseSerialGC}"
prometheus="${PROMETHEUS:-prometheus}"
vigil="${VIGIL:-$repo/bin/vigil}"
bench_jar="$repo/vigil-bench/target/vigil-benchmarks.jar"
command -v "$prometheus" >/dev/null || die "prometheus not found (Debian: apt-get install prometheus)"
command -v curl >/dev/null || die "curl not found"
command -v python3 >/dev/null || die "python3 not found"
[ -f "$bench_jar" ] || die "$bench_jar missing; build: ./mvnw -B -q -pl vigil-bench package -DskipTests"

mkdir -p "$work"
rm -rf "$work/prom" "$work/vigil" "$work/targets.json"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

pids=()
cleanup() {
  local p i
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  # A server flushing its head on SIGTERM gets 30 s, then it is killed.
  for p in "${pids[@]}"; do
    for i in $(seq 1 60); do kill -0 "$p" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$p" 2>/dev/null || true
  done
  wait 2>/dev/null || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# shellcheck disable=SC2086
java $farm_java_opts -cp "$bench_jar" dev.vigil.bench.scrape.TargetFarm --sd-file "$work/targets.json" \
  --targets "$targets" --series "$series" --interval "$interval" --churn "$churn" --gzip "$gzip" \
  > "$work/farm.log" 2>&1 &
farm_pid=$!
pids+=("$farm_pid")
for i in $(seq 1 120); do
  [ -s "$work/targets.json" ] && break
  kill -0 "$farm_pid" 2>/dev/null || die "the target farm exited: $(tail -3 "$work/farm.log")"
  sleep 0.5
done
[ -s "$work/targets.json" ] || die "the target farm wrote no $work/targets.json in 60 s"

# Prometheus refuses a scrape timeout longer than the interval; its default is 10 s.
timeout_ms=$(( interval_ms < 10000 ? interval_ms : 10000 ))
cat > "$work/prometheus.yml" <<EOF
global:
  scrape_interval: $interval
  scrape_timeout: ${timeout_ms}ms
scrape_configs:
  - job_name: node
    file_sd_configs:
      - files: ['$work/targets.json']
EOF

prom_port=$(free_port)
"$prometheus" --config.file="$work/prometheus.yml" --storage.tsdb.path="$work/prom" \
  --web.listen-address="127.0.0.1:$prom_port" > "$work/prometheus.log" 2>&1 &
prom_pid=$!
pids+=("$prom_pid")
vigil_port=$(free_port)
"$vigil" server --config.file="$work/prometheus.yml" --storage.tsdb.path="$work/vigil" \
  --web.listen-address="127.0.0.1:$vigil_port" > "$work/vigil.log" 2>&1 &
vigil_pid=$!  # bin/vigil execs java: this is the server's JVM
pids+=("$vigil_pid")
prom="http://127.0.0.1:$prom_port"
vig="http://127.0.0.1:$vigil_port"

alive() {
  kill -0 "$prom_pid" 2>/dev/null || die "prometheus exited: $(tail -3 "$work/prometheus.log")"
  kill -0 "$vigil_pid" 2>/dev/null || die "vigil server exited: $(tail -3 "$work/vigil.log")"
  kill -0 "$farm_pid" 2>/dev/null || die "the target farm exited: $(tail -3 "$work/farm.log")"
}
wait_ready() {
  local url="$1" i
  for i in $(seq 1 120); do
    curl -sf "$url/-/ready" > /dev/null && return 0
    alive
    sleep 0.5
  done
  die "$url did not become ready"
}
wait_ready "$prom"
wait_ready "$vig"

# One instant query's JSON; $3, the evaluation time, defaults to now.
query() {
  local args=(--data-urlencode "query=$2")
  [ -n "${3:-}" ] && args+=(--data-urlencode "time=$3")
  curl -sf "$1/api/v1/query" "${args[@]}" || die "query failed on $1: $2"
}
# The one value of an instant query, or 0 when the result is empty.
scalar() {
  query "$@" | python3 -c 'import json, sys; r = json.load(sys.stdin)["data"]["result"]; print(r[0]["value"][1] if r else 0)'
}
# The sum of every series of one family on a server's own /metrics (labels such as type="float" vary).
own_metric() {
  curl -sf "$1/metrics" | awk -v name="$2" '$1 == name || index($1, name "{") == 1 { sum += $NF } END { printf "%.0f\n", sum }'
}
ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
# One line per thread of a process: thread id, CPU ticks, name (a thread gone meanwhile is skipped).
thread_ticks() {
  local task
  for task in /proc/"$1"/task/*; do
    # Thread names may hold spaces and parentheses: fields are counted after the name's last ")".
    sed 's/.*) //' "$task/stat" 2>/dev/null \
      | awk -v task="${task##*/}" -v comm="$(cat "$task/comm" 2>/dev/null)" '{ print task, $12 + $13, comm }' || true
  done
}
status_kb() { awk -v key="$2:" '$1 == key { print $2 }' "/proc/$1/status"; }

echo "waiting for both servers to have all $targets targets up ..." >&2
waited_from=$SECONDS
deadline=$(( SECONDS + 3 * interval_ms / 1000 + 120 ))
until [ "$(scalar "$prom" 'count(up == 1)')" = "$targets" ] && [ "$(scalar "$vig" 'count(up == 1)')" = "$targets" ]; do
  alive
  [ "$SECONDS" -lt "$deadline" ] || die "not every target up after $(( SECONDS - waited_from )) s; see $work/*.log"
  sleep 1
done

# The measured window starts now, for both servers at the same moment.
prom_samples0=$(own_metric "$prom" prometheus_tsdb_head_samples_appended_total)
vigil_samples0=$(own_metric "$vig" vigil_tsdb_head_samples_appended_total)
prom_ticks0=$(ticks "$prom_pid")
vigil_ticks0=$(ticks "$vigil_pid")
thread_ticks "$vigil_pid" > "$work/vigil-threads-start.txt"
farm_ticks0=$(ticks "$farm_pid")
window=$(( minutes * 60 ))
start=$SECONDS
start_epoch=$(date +%s)
echo "all targets up on both; measuring for $minutes min (CPU counted from now) ..." >&2

# Every 15 s, a line per process: elapsed s, process, CPU s since the window opened, RSS and peak RSS (MiB).
hz=$(getconf CLK_TCK)
trace="$work/samples.tsv"
printf 'elapsed_s\tprocess\tcpu_s\trss_mib\tpeak_rss_mib\n' > "$trace"
record() {
  local name pid t0
  for name in prometheus vigil farm; do
    case "$name" in
      prometheus) pid=$prom_pid; t0=$prom_ticks0 ;;
      vigil) pid=$vigil_pid; t0=$vigil_ticks0 ;;
      farm) pid=$farm_pid; t0=$farm_ticks0 ;;
    esac
    awk -v e=$(( SECONDS - start )) -v n="$name" -v t="$(ticks "$pid")" -v t0="$t0" -v hz="$hz" \
      -v rss="$(status_kb "$pid" VmRSS)" -v hwm="$(status_kb "$pid" VmHWM)" \
      'BEGIN { printf "%d\t%s\t%.2f\t%.0f\t%.0f\n", e, n, (t - t0) / hz, rss / 1024, hwm / 1024 }' >> "$trace"
  done
}
while [ $(( SECONDS - start )) -lt "$window" ]; do
  alive
  record
  left=$(( window - (SECONDS - start) ))
  sleep $(( left < 15 ? left : 15 ))
done
alive
record

# The window closes: the same readings, again at one moment for both servers.
prom_samples=$(( $(own_metric "$prom" prometheus_tsdb_head_samples_appended_total) - prom_samples0 ))
vigil_samples=$(( $(own_metric "$vig" vigil_tsdb_head_samples_appended_total) - vigil_samples0 ))
prom_cpu=$(( $(ticks "$prom_pid") - prom_ticks0 ))
vigil_cpu=$(( $(ticks "$vigil_pid") - vigil_ticks0 ))
thread_ticks "$vigil_pid" > "$work/vigil-threads-end.txt"
farm_cpu=$(( $(ticks "$farm_pid") - farm_ticks0 ))
elapsed=$(( SECONDS - start ))
end_epoch=$(date +%s)
prom_rss=$(status_kb "$prom_pid" VmRSS)
vigil_rss=$(status_kb "$vigil_pid" VmRSS)
prom_hwm=$(status_kb "$prom_pid" VmHWM)
vigil_hwm=$(status_kb "$vigil_pid" VmHWM)
prom_series=$(own_metric "$prom" prometheus_tsdb_head_series)
vigil_series=$(own_metric "$vig" vigil_tsdb_head_series)

# Do both hold the same data? Asked at one evaluation time; values change once per interval, and the
# two servers scrape a target at nearly the same moment, so sums may differ by one scrape's increase.
at=$(python3 -c 'import time; print("%.3f" % (time.time() - 1))')
step_s=$(python3 -c "print('%gs' % ($interval_ms / 1000))")
for name in prom vig; do
  base=${!name}
  {
    echo "up $(scalar "$base" 'count(up == 1)' "$at")"
    echo "scraped $(scalar "$base" 'sum(scrape_samples_scraped)' "$at")"
    echo "scrape_duration_avg $(scalar "$base" 'avg(scrape_duration_seconds)' "$at")"
    for family in node_cpu_seconds_total http_request_duration_seconds_count; do
      echo "sum:$family $(scalar "$base" "sum($family)" "$at")"
      echo "step:$family $(scalar "$base" "sum($family) - sum($family offset $step_s)" "$at")"
    done
  } > "$work/check-$name.txt"
  query "$base" 'count by (__name__, job) ({__name__=~".+"})' "$at" > "$work/names-$name.json"
done
python3 - "$work" "$targets" "$series" "$churn" <<'PY' || die "the servers disagree (see $work/check-*.txt and names-*.json)"
import json, math, sys
work, targets, series, churn = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4])
def facts(name):
    return dict(line.split(" ", 1) for line in open("%s/check-%s.txt" % (work, name)).read().splitlines())
def counts(name):
    r = json.load(open("%s/names-%s.json" % (work, name)))["data"]["result"]
    return {(s["metric"].get("__name__"), s["metric"].get("job")): int(s["value"][1]) for s in r}
p, v = facts("prom"), facts("vig")
problems = []
for k in ("up", "scraped"):
    want = targets if k == "up" else series
    if float(p[k]) != want or float(v[k]) != want:
        problems.append("%s: Prometheus %s, Vigil %s, want %d" % (k, p[k], v[k], want))
cp, cv = counts("prom"), counts("vig")
if cp.keys() != cv.keys():
    problems.append("metric names differ: only Prometheus %s, only Vigil %s" % (sorted(cp.keys() - cv.keys()), sorted(cv.keys() - cp.keys())))
# With churn, series come and go every interval: allow two intervals' worth of replaced label sets.
allowed = 2 * math.ceil(churn * series)
off = sum(abs(cp[k] - cv.get(k, 0)) for k in cp)
if off > allowed:
    problems.append("series per name differ by %d in total (allowed %d)" % (off, allowed))
for family in ("node_cpu_seconds_total", "http_request_duration_seconds_count"):
    sp, sv, step = float(p["sum:" + family]), float(v["sum:" + family]), float(p["step:" + family])
    if not abs(sp - sv) <= 2 * step + 1e-9 * abs(sp):
        problems.append("sum(%s): Prometheus %r, Vigil %r, one scrape adds %r" % (family, sp, sv, step))
    print("agree: sum(%s) Prometheus %.6g, Vigil %.6g: %.2f scrapes' increase apart" % (family, sp, sv, abs(sp - sv) / step if step else 0))
print("agree: %d targets up and %d samples per scrape on both; %d series in %d (name, job) pairs, differing by %d"
      % (targets, series, sum(cp.values()), len(cp), off))
print("scrape duration, average over targets: Prometheus %.1f ms, Vigil %.1f ms"
      % (1000 * float(p["scrape_duration_avg"]), 1000 * float(v["scrape_duration_avg"])))
if problems:
    sys.exit("\n".join(problems))
PY

python3 - "$series" "$targets" "$interval" "$minutes" "$churn" "$gzip" "$elapsed" "$hz" "$VIGIL_JAVA_OPTS" \
  "$start_epoch" "$end_epoch" "$prom_samples" "$vigil_samples" "$prom_cpu" "$vigil_cpu" "$farm_cpu" "$prom_rss" "$vigil_rss" \
  "$prom_hwm" "$vigil_hwm" "$prom_series" "$vigil_series" <<'PY'
import sys
import time
(series, targets, interval, minutes, churn, gzip, elapsed, hz, opts, start_epoch, end_epoch, ps, vs, pt, vt, ft,
 prss, vrss, phwm, vhwm, pser, vser) = sys.argv[1:]
hz, elapsed = int(hz), int(elapsed)
ps, vs, pser, vser = int(ps), int(vs), int(pser), int(vser)
pcpu, vcpu, fcpu = int(pt) / hz, int(vt) / hz, int(ft) / hz
prss, vrss, phwm, vhwm = (int(x) * 1024 for x in (prss, vrss, phwm, vhwm))
print("%s series on %s targets every %s, churn %s, gzip %s; measured %d s from when both had every target up"
      " (CPU and samples counted in that window only); vigil: bin/vigil's server defaults%s"
      % (series, targets, interval, churn, gzip, elapsed, ' plus VIGIL_JAVA_OPTS="%s"' % opts if opts else ""))
# Both servers close every series' chunk at the end of each 2-hour window of the epoch (the block range),
# keeping the closed chunks: a window across such a moment measures that step in memory too.
boundary = (int(end_epoch) // 7200) * 7200
if boundary > int(start_epoch):
    print("note: the window crossed %s UTC, where both servers closed every series' chunk; memory readings include it"
          % time.strftime("%H:%M", time.gmtime(boundary)))
print()
print("| | Prometheus 2.42 | Vigil | Vigil/Prometheus |")
print("|---|---:|---:|---:|")
def row(name, p, v, fmt):
    print("| %s | %s | %s | %.3f |" % (name, fmt % p, fmt % v, v / p if p else float("inf")))
pcpm, vcpm = pcpu / (ps / 1e6), vcpu / (vs / 1e6)
ppser, vpser = prss / pser, vrss / vser
row("samples ingested", ps, vs, "%d")
row("CPU seconds", pcpu, vcpu, "%.2f")
row("**CPU seconds per million samples**", pcpm, vcpm, "%.3f")
row("active series (head)", pser, vser, "%d")
row("RSS at end (MiB)", prss / 2**20, vrss / 2**20, "%.0f")
row("peak RSS (MiB)", phwm / 2**20, vhwm / 2**20, "%.0f")
row("**RSS per active series (bytes)**", ppser, vpser, "%.0f")
print()
print("goal CPU per million samples <= 0.5 x Prometheus: %.3f, %s" % (vcpm / pcpm, "met" if vcpm / pcpm <= 0.5 else "not met"))
print("goal memory per series <= 0.5 x Prometheus: %.3f, %s" % (vpser / ppser, "met" if vpser / ppser <= 0.5 else "not met"))
print("target farm: %.2f CPU seconds in the window (%.1f %% of one core)" % (fcpu, 100 * fcpu / elapsed))
PY

# Where Vigil's CPU went in the window, by kind of thread (numbers in thread names dropped); threads
# that ended within the window are not seen, and their share shows as the rest.
python3 - "$work" "$vigil_cpu" <<'PY'
import collections, re, sys
work, total = sys.argv[1], int(sys.argv[2])
def load(name):
    out = {}
    for line in open("%s/vigil-threads-%s.txt" % (work, name)):
        task, ticks, comm = (line.rstrip("\n").split(" ", 2) + [""])[:3]
        out[task] = (re.sub(r"[-#]?[0-9]+", "#", comm), int(ticks))
    return out
start, end = load("start"), load("end")
kinds = collections.Counter()
for task, (kind, ticks) in end.items():
    kinds[kind] += ticks - start.get(task, (kind, 0))[1]
print()
print("Vigil CPU in the window by thread kind:")
for kind, ticks in kinds.most_common(8):
    print("  %5.1f %%  %s" % (100.0 * ticks / total if total else 0, kind))
rest = total - sum(kinds.values())
print("  %5.1f %%  other threads, and threads that ended in the window" % (100.0 * rest / total if total else 0))
PY
