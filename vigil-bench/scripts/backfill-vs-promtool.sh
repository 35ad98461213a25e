#!/usr/bin/env bash
# Side-by-side backfill benchmark: `promtool tsdb create-blocks-from openmetrics` against
# `vigil tools tsdb create-blocks-from openmetrics` on the same generated OpenMetrics file, in one
# run, alternating the two tools. Reports wall time and peak RSS (from /usr/bin/time -v) as a
# Markdown table with Vigil/promtool ratios against issue 2's goals (<= 0.25x wall, <= 0.5x peak
# RSS), and checks that every block's chunk segments and index are byte-identical between the two,
# blocks matched by minTime. Exits 1 if any block differs.
#
# Build first:  ./mvnw -B -q install -DskipTests && ./mvnw -B -q -pl vigil-bench package -DskipTests
#
# Usage: vigil-bench/scripts/backfill-vs-promtool.sh [options]
#   --series N       generator series (default 1000)
#   --hours H        hours of data at a 15 s interval (default 54: about 10.1M samples with 1000 series)
#   --samples N      instead of --hours: enough hours for at least N samples with --series
#   --seed S         generator seed (default 1)
#   --rounds R       rounds; each runs both tools, the order alternating between rounds (default 2)
#   --work-dir DIR   where the input file (kept and reused) and the blocks go (default /tmp/vigil-backfill-bench)
#   --keep           keep the output blocks of every round
# Environment:
#   VIGIL_JAVA_OPTS  JVM options for vigil (default: -Xmx2g -XX:+UseSerialGC, see docs/benchmarks.md)
#   PROMTOOL         promtool binary (default: promtool on PATH)
#   VIGIL            vigil launcher (default: bin/vigil of this checkout)
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
series=1000
hours=54
samples=""
seed=1
rounds=2
work=/tmp/vigil-backfill-bench
keep=0

die() { echo "backfill-vs-promtool: $*" >&2; exit 2; }

while [ $# -gt 0 ]; do
  case "$1" in
    --series) series="${2:?--series needs a value}"; shift 2 ;;
    --hours) hours="${2:?--hours needs a value}"; shift 2 ;;
    --samples) samples="${2:?--samples needs a value}"; shift 2 ;;
    --seed) seed="${2:?--seed needs a value}"; shift 2 ;;
    --rounds) rounds="${2:?--rounds needs a value}"; shift 2 ;;
    --work-dir) work="${2:?--work-dir needs a value}"; shift 2 ;;
    --keep) keep=1; shift ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown argument $1 (try --help)" ;;
  esac
done

export VIGIL_JAVA_OPTS="${VIGIL_JAVA_OPTS:--Xmx2g -XX:+UseSerialGC}"
promtool="${PROMTOOL:-promtool}"
vigil="${VIGIL:-$repo/bin/vigil}"
bench_jar="$repo/vigil-bench/target/vigil-benchmarks.jar"
vigil_jar="$repo/vigil-cli/target/vigil-all.jar"

command -v "$promtool" >/dev/null || die "promtool not found (Debian: apt-get install prometheus)"
[ -x /usr/bin/time ] || die "/usr/bin/time not found (Debian: apt-get install time)"
[ -f "$bench_jar" ] || die "$bench_jar missing; build: ./mvnw -B -q -pl vigil-bench package -DskipTests"
[ -x "$vigil" ] || die "$vigil is not executable"
[ -f "$vigil_jar" ] || [ -n "${VIGIL:-}" ] || die "$vigil_jar missing; build: ./mvnw -B -q install -DskipTests"

# Roughly 180 samples per series-hour come out of the generator (some metrics scrape at 30 s or 60 s,
# some start late, stop early or pause); --min-samples below makes the generator check the promise.
min_samples=0
if [ -n "$samples" ]; then
  hours=$(( (samples + series * 180 - 1) / (series * 180) ))
  min_samples="$samples"
fi

mkdir -p "$work"
input="$work/om-s${series}-h${hours}-seed${seed}.om"
facts="$input.facts"
if [ ! -s "$input" ] || [ ! -s "$facts" ]; then
  echo "generating $input ..." >&2
  java -cp "$bench_jar" dev.vigil.bench.backfill.GenerateOpenMetrics --series "$series" --hours "$hours" \
    --seed "$seed" --min-samples "$min_samples" --out "$input" > "$facts"
fi
read -r input_samples input_series input_bytes < <(
  sed -E 's/samples=([0-9]+) series=([0-9]+) bytes=([0-9]+).*/\1 \2 \3/' "$facts")
if [ "$input_samples" -lt "$min_samples" ]; then
  die "$input holds $input_samples samples, fewer than $min_samples"
fi

jar_stamp() { if [ -f "$vigil_jar" ]; then sha256sum "$vigil_jar" | cut -c1-12; else echo "n/a"; fi; }
jar_before="$(jar_stamp)"

# Both tools read the same cached file: read it once so neither pays for the first disk read.
cat "$input" > /dev/null

# /usr/bin/time -v prints "Elapsed (wall clock) time (h:mm:ss or m:ss): 1:02.33".
to_seconds() { awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; printf "%.2f", s }' <<< "$1"; }

runs="$work/runs.tsv"
: > "$runs"
run_one() {
  local tool="$1" round="$2" out="$work/out/$1-$2" tfile="$work/time-$1-$2.txt" log="$work/log-$1-$2.txt"
  rm -rf "$out"
  mkdir -p "$work/out"
  echo "round $round: $tool ..." >&2
  local status=0
  if [ "$tool" = promtool ]; then
    /usr/bin/time -v -o "$tfile" "$promtool" tsdb create-blocks-from openmetrics "$input" "$out" > "$log" 2>&1 || status=$?
  else
    /usr/bin/time -v -o "$tfile" "$vigil" tools tsdb create-blocks-from openmetrics "$input" "$out" > "$log" 2>&1 || status=$?
  fi
  if [ "$status" -ne 0 ]; then
    tail -20 "$log" >&2
    die "$tool failed with status $status (log: $log)"
  fi
  local wall rss user sys cpu
  wall=$(to_seconds "$(sed -n 's/.*Elapsed (wall clock).*): //p' "$tfile")")
  rss=$(sed -n 's/.*Maximum resident set size (kbytes): *//p' "$tfile")
  user=$(sed -n 's/.*User time (seconds): *//p' "$tfile")
  sys=$(sed -n 's/.*System time (seconds): *//p' "$tfile")
  cpu=$(sed -n 's/.*Percent of CPU this job got: *//p' "$tfile")
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$tool" "$wall" "$rss" "$user" "$sys" "$cpu" >> "$runs"
}

# A block's minTime from its meta.json, whichever way the JSON is laid out.
min_time() { grep -o '"minTime": *-\{0,1\}[0-9]*' "$1/meta.json" | head -1 | grep -o -- '-\{0,1\}[0-9]*$'; }

# Compares the blocks of two output directories; prints "blocks chunk_bytes index_bytes differences".
compare_blocks() {
  local p="$1" v="$2" diffs=0 blocks=0 chunk_bytes=0 index_bytes=0
  declare -A vdir=()
  local d t
  for d in "$v"/*/; do
    [ -f "$d/meta.json" ] || continue
    vdir[$(min_time "$d")]="$d"
  done
  local seen=0
  for d in "$p"/*/; do
    [ -f "$d/meta.json" ] || continue
    blocks=$((blocks + 1))
    t=$(min_time "$d")
    local w="${vdir[$t]:-}"
    if [ -z "$w" ]; then
      echo "  block with minTime $t: in promtool's output only" >&2
      diffs=$((diffs + 1))
      continue
    fi
    seen=$((seen + 1))
    if ! cmp -s "$d/index" "$w/index"; then
      echo "  block minTime $t: index differs ($(cmp "$d/index" "$w/index" 2>&1 | head -1))" >&2
      diffs=$((diffs + 1))
    fi
    index_bytes=$((index_bytes + $(stat -c %s "$d/index")))
    local pseg vseg
    pseg=$(cd "$d/chunks" && ls | tr '\n' ' ')
    vseg=$(cd "$w/chunks" && ls | tr '\n' ' ')
    if [ "$pseg" != "$vseg" ]; then
      echo "  block minTime $t: chunk segments differ: promtool [$pseg] vigil [$vseg]" >&2
      diffs=$((diffs + 1))
    fi
    local s
    for s in "$d"/chunks/*; do
      chunk_bytes=$((chunk_bytes + $(stat -c %s "$s")))
      if ! cmp -s "$s" "$w/chunks/$(basename "$s")"; then
        echo "  block minTime $t: chunks/$(basename "$s") differs" >&2
        diffs=$((diffs + 1))
      fi
    done
  done
  if [ "$seen" -ne "${#vdir[@]}" ]; then
    echo "  vigil wrote $(( ${#vdir[@]} - seen )) block(s) promtool did not" >&2
    diffs=$((diffs + 1))
  fi
  echo "$blocks $chunk_bytes $index_bytes $diffs"
}

all_diffs=0
compare_summary=""
for r in $(seq 1 "$rounds"); do
  if [ $((r % 2)) -eq 1 ]; then order="promtool vigil"; else order="vigil promtool"; fi
  for tool in $order; do run_one "$tool" "$r"; done
  read -r blocks chunk_bytes index_bytes diffs < <(compare_blocks "$work/out/promtool-$r" "$work/out/vigil-$r")
  all_diffs=$((all_diffs + diffs))
  compare_summary="$blocks blocks, $chunk_bytes chunk bytes, $index_bytes index bytes"
  if [ "$keep" -eq 0 ] && [ "$r" -lt "$rounds" ]; then
    rm -rf "$work/out/promtool-$r" "$work/out/vigil-$r"
  fi
done
jar_after="$(jar_stamp)"

median() { sort -g | awk '{ a[NR] = $1 } END { if (NR % 2) printf "%.2f", a[(NR + 1) / 2]; else printf "%.2f", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
col() { awk -F'\t' -v tool="$1" -v c="$2" '$2 == tool { print $c }' "$runs"; }
p_wall=$(col promtool 3 | median); v_wall=$(col vigil 3 | median)
p_rss=$(col promtool 4 | awk '{ print $1 / 1024 }' | median); v_rss=$(col vigil 4 | awk '{ print $1 / 1024 }' | median)
p_cpu=$(col promtool 5 | median); v_cpu=$(col vigil 5 | median)
p_sys=$(col promtool 6 | median); v_sys=$(col vigil 6 | median)
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", a / b }'; }
meets() { awk -v r="$1" -v g="$2" 'BEGIN { print (r <= g ? "yes" : "no") }'; }
wall_ratio=$(ratio "$v_wall" "$p_wall")
rss_ratio=$(ratio "$v_rss" "$p_rss")

echo
echo "### create-blocks-from openmetrics: vigil vs promtool"
echo
echo "- machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo) RAM"
echo "- promtool: $("$promtool" --version 2>&1 | head -1)"
echo "- java: $(java -version 2>&1 | head -1); VIGIL_JAVA_OPTS=\`$VIGIL_JAVA_OPTS\`; vigil-all.jar sha256 $jar_before"
echo "- input: \`$(basename "$input")\`: $input_samples samples, $input_series series, $input_bytes bytes (generator seed $seed, $series series, ${hours}h at 15s)"
echo "- $rounds round(s), order alternating (round 1: promtool first); page cache warm"
echo
echo "| round | tool | wall s | max RSS MiB | user s | sys s | CPU |"
echo "|---|---|---:|---:|---:|---:|---:|"
while IFS=$'\t' read -r r tool wall rss user sys cpu; do
  printf '| %s | %s | %s | %.0f | %s | %s | %s |\n' "$r" "$tool" "$wall" "$(awk -v k="$rss" 'BEGIN { print k / 1024 }')" "$user" "$sys" "$cpu"
done < "$runs"
echo
echo "| median of $rounds | promtool | vigil | vigil / promtool | goal | met |"
echo "|---|---:|---:|---:|---:|---|"
echo "| wall time (s) | $p_wall | $v_wall | $wall_ratio | <= 0.25 | $(meets "$wall_ratio" 0.25) |"
echo "| peak RSS (MiB) | $p_rss | $v_rss | $rss_ratio | <= 0.5 | $(meets "$rss_ratio" 0.5) |"
echo "| user CPU (s) | $p_cpu | $v_cpu | $(ratio "$v_cpu" "$p_cpu") | | |"
echo "| system CPU (s) | $p_sys | $v_sys | $(ratio "$v_sys" "$p_sys") | | |"
echo
if [ "$all_diffs" -eq 0 ]; then
  echo "Blocks identical in every round: chunk segments and index byte for byte, matched by minTime ($compare_summary per run)."
else
  echo "**Blocks differ: $all_diffs difference(s) across rounds (details on stderr).**"
fi
if [ "$jar_before" != "$jar_after" ]; then
  echo
  echo "**Warning: vigil-all.jar changed during the run ($jar_before -> $jar_after); rerun on a quiet checkout.**"
fi
if [ "$keep" -eq 0 ]; then
  rm -rf "$work/out"
fi
[ "$all_diffs" -eq 0 ] || exit 1
