#!/usr/bin/env bash
# Data-pipeline benchmark: unet4j (Java) against SciPy/scikit-image doing the same per-tile work, one thread each,
# alternating runs pinned to the same core, medians of per-run medians; then PatchQueue patches/s against training
# steps/s of a small padded U-Net. Prints a Markdown table for docs/BENCHMARKS.md ("Data pipeline").
#
#   bench/data/run.sh              (ROUNDS=5 CORE=1 STEPS=10 by default; results also in $OUT/results.jsonl)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
rounds="${ROUNDS:-5}"
core="${CORE:-1}"
steps="${STEPS:-10}"
out="${OUT:-${TMPDIR:-/tmp}/unet4j-bench-data}"
python="${PYTHON:-/usr/bin/python3}"
mkdir -p "$out/classes"

source "$root/bench/cli-classpath.sh"
javac -d "$out/classes" -cp "$cp" "$here/DataBench.java" "$here/PipelineBench.java"

results="$out/results.jsonl"
: > "$results"
pin=(taskset -c "$core")
command -v taskset >/dev/null || pin=()
java_run() {
  "${pin[@]}" java -XX:+UseSerialGC -XX:ActiveProcessorCount=1 -cp "$out/classes:$cp" DataBench "$out" 100
}
python_run() {
  OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 "${pin[@]}" "$python" "$here/data_bench.py" "$out" 30
}
{
  echo "{\"case\": \"machine\", \"cpu\": \"$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)\", \"cores\": $(nproc --all), \"java\": \"$(java -version 2>&1 | head -1 | tr -d '"')\", \"load_before\": \"$(cut -d' ' -f1-3 /proc/loadavg)\"}"
} >> "$results"
java_run >/dev/null # writes the tile for the Python side
for ((r = 1; r <= rounds; r++)); do
  if ((r % 2)); then
    java_run >> "$results"; python_run >> "$results"
  else
    python_run >> "$results"; java_run >> "$results"
  fi
  echo "round $r/$rounds done (load $(cut -d' ' -f1 /proc/loadavg))" >&2
done
java -Dai.djl.offline=true -cp "$out/classes:$cp" PipelineBench 256 2 "$steps" 2>/dev/null | grep '^{' >> "$results"
echo "{\"case\": \"load\", \"load_after\": \"$(cut -d' ' -f1-3 /proc/loadavg)\"}" >> "$results"
"$python" "$here/summarize.py" "$results"
