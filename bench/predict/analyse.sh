#!/usr/bin/env bash
# Where a speed gap comes from: single-tile forward passes (no tiling), alternating unet4j, PyTorch and PyTorch
# computing the net the way unet4j's blocks and DJL do (up-conv as 1x1 conv + depth-to-space + bias, out-of-place
# ReLU, every intermediate kept until the pass ends), and each of the three alone. cpu_s is the CPU time of the
# computing thread, the robust number on a shared machine with THREADS=1.
#   bench/predict/analyse.sh [PRESET] [ROUNDS] [N] [THREADS]     (default paper 3 5 2)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
preset="${1:-paper}"; rounds="${2:-3}"; n="${3:-5}"; threads="${4:-2}"; tile=572
build="$here/target"
mkdir -p "$build"
source "$root/bench/cli-classpath.sh"
javac -nowarn -d "$build" -cp "$cp" "$here/PredictBench.java"
for round in $(seq "$rounds"); do
  l() { cut -d' ' -f1 /proc/loadavg; }
  echo "round=$round load=$(l) preset=$preset $(java -Xmx8g -Dai.djl.offline=true -Dai.djl.pytorch.num_threads="$threads" \
    -Dai.djl.pytorch.num_interop_threads=1 -cp "$build:$cp" PredictBench forward "$preset" "$tile" "$n" 2>/dev/null)"
  echo "round=$round load=$(l) preset=$preset $(cd "$here" && /usr/bin/python3 forward_torch.py "$preset" "$tile" "$n" "$threads")"
  for parts in djl-style upconv relu keep; do
    echo "round=$round load=$(l) preset=$preset $(cd "$here" && /usr/bin/python3 forward_torch.py "$preset" "$tile" "$n" "$threads" $parts)"
  done
done
