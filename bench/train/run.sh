#!/usr/bin/env bash
# Training-step and single-tile inference benchmark: unet4j (DJL 0.36 + PyTorch 2.7.1 natives) against the same
# network in Debian's PyTorch, alternating runs, same thread count; medians of per-run medians and their ratio.
# Prints a Markdown table for docs/BENCHMARKS.md ("Training step and inference").
#
#   bench/train/run.sh                  ROUNDS=3 THREADS=2 CASES="paper-188 ..." MODES="train infer"
#
# overhead-64 (a base-4 net at 64², where arithmetic is negligible) runs with OVERHEAD_THREADS (default 1) on both
# sides: with 2 OpenMP threads its tiny ops are dominated by thread hand-offs, which other jobs on a shared 2-core
# machine make erratic (seconds per step), so it would not measure per-step overhead. Round 1 also writes one
# profiled training step per side ($OUT/trace-*.json); summarize.py counts their operators (count_ops.py).
# unet4j runs with the environment of the ./unet launcher (THP_MEM_ALLOC_ENABLE=1: libtorch's large CPU tensors on
# transparent huge pages; set THP_MEM_ALLOC_ENABLE=0 to compare without). PyTorch 1.13 has no such switch.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
rounds="${ROUNDS:-3}"
threads="${THREADS:-2}"
cases="${CASES:-overhead-64 paper-188 padded32-256-b1 padded32-256-b4 paper-572}"
modes="${MODES:-train infer}"
out="${OUT:-${TMPDIR:-/tmp}/unet4j-bench-train}"
python="${PYTHON:-/usr/bin/python3}"
mkdir -p "$out/classes"
"$python" -c "import torch" 2>/dev/null || apt-get install -y python3-torch >&2

source "$root/bench/cli-classpath.sh"
javac -d "$out/classes" -cp "$cp" "$here/TrainStepBench.java"

# warm-up and timed repetitions; the overhead case needs more warm-up for the JIT (its steps are short)
reps_for() { case "$1" in paper-572) echo "3 5" ;; padded32-256-b4) echo "3 8" ;; overhead-64) echo "60 200" ;; *) echo "5 20" ;; esac; }
threads_for() { if [ "$1" = overhead-64 ]; then echo "${OVERHEAD_THREADS:-1}"; else echo "$threads"; fi; }
with_load() { sed "s/^{/{\"load\": \"$(cut -d' ' -f1 /proc/loadavg)\", /"; }
java_run() { # case mode [trace]
  local t; t=$(threads_for "$1")
  THP_MEM_ALLOC_ENABLE="${THP_MEM_ALLOC_ENABLE:-1}" java -Xmx12g -Dai.djl.offline=true -Dai.djl.pytorch.num_threads="$t" -Dai.djl.pytorch.num_interop_threads=1 \
    -cp "$out/classes:$cp" TrainStepBench "$1" "$2" $(reps_for "$1") ${3:+"$3"} 2>/dev/null | grep '^{' | with_load
}
python_run() {
  local t; t=$(threads_for "$1")
  OMP_NUM_THREADS="$t" "$python" "$here/train_step.py" "$1" "$2" $(reps_for "$1") "$t" ${3:+"$3"} | with_load
}
results="$out/results.jsonl"
: > "$results"
echo "{\"case\": \"machine\", \"cpu\": \"$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)\", \"cores\": $(nproc), \"java\": \"$(java -version 2>&1 | head -1 | tr -d '"')\", \"load_before\": \"$(cut -d' ' -f1-3 /proc/loadavg)\"}" >> "$results"
for ((r = 1; r <= rounds; r++)); do
  for c in $cases; do
    for m in $modes; do
      jt=""; pt=""
      if ((r == 1)); then jt="$out/trace-unet4j-$c.json"; pt="$out/trace-pytorch-$c.json"; fi
      if (( (r + ${#c}) % 2 )); then
        java_run "$c" "$m" "$jt" >> "$results"; python_run "$c" "$m" "$pt" >> "$results"
      else
        python_run "$c" "$m" "$pt" >> "$results"; java_run "$c" "$m" "$jt" >> "$results"
      fi
      echo "round $r/$rounds $c $m done (load $(cut -d' ' -f1 /proc/loadavg))" >&2
    done
  done
done
echo "{\"case\": \"load\", \"load_after\": \"$(cut -d' ' -f1-3 /proc/loadavg)\"}" >> "$results"
"$python" "$here/summarize.py" "$results" | tee "$out/table.md"
