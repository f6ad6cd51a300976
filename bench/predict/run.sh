#!/usr/bin/env bash
# Overlap-tile inference speed, unet4j (DJL 0.36 / PyTorch 2.7.1) vs a PyTorch script with the same net and tiling.
# Alternates the two implementations REPS times per preset, same thread count, and prints medians and the ratio.
#   [PRESETS="small paper"] [SKIP_CHECK=1] bench/predict/run.sh [REPS] [THREADS]        (default 3 and 2)
# Presets: paper (depth 4, 64 filters, 31,030,658 parameters) and small (depth 4, 16 filters), 2048² image,
# the paper's 572-px tiles (388-px outputs, stride 384: 6×6 tiles). Results: bench/predict/target/results-PRESETS.txt.
# unet4j runs with the ./unet launcher's THP_MEM_ALLOC_ENABLE=1 (see bench/train/run.sh).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
reps="${1:-3}"
threads="${2:-2}"
size=2048
tile=572
build="$here/target"
mkdir -p "$build"
source "$root/bench/cli-classpath.sh"
javac -nowarn -d "$build" -cp "$cp" "$here/PredictBench.java"
java_run() {
  THP_MEM_ALLOC_ENABLE="${THP_MEM_ALLOC_ENABLE:-1}" java -Xmx8g -Dai.djl.offline=true -Dai.djl.pytorch.num_threads="$threads" -Dai.djl.pytorch.num_interop_threads=1 \
    -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$build:$cp" PredictBench speed "$1" "$size" "$tile" ${2:-} 2>/dev/null
}
torch_run() {
  OMP_NUM_THREADS="$threads" /usr/bin/python3 "$here/predict_torch.py" "$1" "$size" "$tile" "$threads" ${2:-}
}
# The same architecture, checked: unet4j exports its parameters and output once, PyTorch runs with them and compares.
for preset in $([ -n "${SKIP_CHECK:-}" ] || echo "${PRESETS:-small paper}"); do
  java_run "$preset" "$build/check-$preset" >/dev/null
  torch_run "$preset" "$build/check-$preset" | grep '^check' | sed "s/^/$preset /"
done
presets="${PRESETS:-small paper}"
results="$build/results-${presets// /-}-${threads}t.txt"
: > "$results"
for preset in $presets; do
  for rep in $(seq "$reps"); do
    echo "$(date +%T) load=$(cut -d' ' -f1 /proc/loadavg) preset=$preset rep=$rep $(java_run "$preset")" | tee -a "$results"
    echo "$(date +%T) load=$(cut -d' ' -f1 /proc/loadavg) preset=$preset rep=$rep $(torch_run "$preset")" | tee -a "$results"
  done
done
/usr/bin/python3 - "$results" <<'PY'
import re, statistics, sys
rows = [dict(re.findall(r"(\w+)=(\S+)", line)) for line in open(sys.argv[1])]
print("| preset | parameters (both) | tiles (572 → 388 px) | unet4j s | PyTorch s | unet4j / PyTorch | runs | load |")
print("|---|---:|---:|---:|---:|---:|---:|---|")
for preset in sorted({r["preset"] for r in rows}, reverse=True):
    runs = {impl: [r for r in rows if r["preset"] == preset and r["impl"] == impl] for impl in ("unet4j", "pytorch")}
    params = {impl: {r["params"] for r in rs} for impl, rs in runs.items()}
    shapes = {impl: {r["tile_out"] for r in rs} for impl, rs in runs.items()}
    assert params["unet4j"] == params["pytorch"], f"{preset}: parameter counts differ: {params}"
    assert shapes["unet4j"] == shapes["pytorch"], f"{preset}: output tile sizes differ: {shapes}"
    med = {impl: statistics.median(float(r["seconds"]) for r in rs) for impl, rs in runs.items()}
    loads = sorted(float(r["load"]) for r in runs["unet4j"] + runs["pytorch"])
    print(f"| {preset} | {int(params['unet4j'].pop()):,} | {runs['unet4j'][0]['tiles']} | {med['unet4j']:.1f} |"
          f" {med['pytorch']:.1f} | {med['unet4j'] / med['pytorch']:.2f} | {len(runs['unet4j'])} |"
          f" {loads[0]:.1f}–{loads[-1]:.1f} |")
PY
