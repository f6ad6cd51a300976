#!/usr/bin/env bash
# Scores a trained ISBI 2012 run on the held-out slices 15-19 and predicts the 30 test slices, both with 8-fold
# test-time augmentation (flips and 90° rotations; the paper averaged 7 rotations):
#
#   experiments/isbi2012/evaluate.sh RUN_DIR [OUT_DIR]      (THREADS=N, default 2)
#
# OUT_DIR/val/        predictions of slices 15-19
# OUT_DIR/scores/     metrics.csv, summary.json, figures/ (image | truth | prediction | errors)
# OUT_DIR/test/       probabilities of the test slices, and test-probabilities.tif: the 30-page float stack the
#                     challenge took (page k = slice k, value = probability of cell interior; membrane = 1 − value)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
here="$root/experiments/isbi2012"
unet="${UNET:-$root/unet}"
data="${DATA:-$root/../shared/data/isbi2012}"
threads="${THREADS:-2}"
run="$1"
out="${2:-$run/isbi-evaluation}"
export UNET_JAVA_OPTS="${UNET_JAVA_OPTS:--Xmx6g -Dai.djl.pytorch.num_threads=$threads}"

held_out="$out/held-out"
mkdir -p "$held_out/images" "$held_out/masks"
for k in 15 16 17 18 19; do
  ln -sf "$(cd "$data/train/images" && pwd)/$k.png" "$held_out/images/$k.png"
  ln -sf "$(cd "$data/train/masks" && pwd)/$k.png" "$held_out/masks/$k.png"
done

"$unet" predict --model "$run" --input "$held_out/images" --out "$out/val" --tta --no-overlay
"$unet" evaluate --pred "$out/val/probabilities" --truth "$held_out" --metrics pixel,isbi --out "$out/scores"

"$unet" predict --model "$run" --input "$data/test/images" --out "$out/test" --tta --no-overlay
cp="$root/unet4j-cli/target/unet4j-cli.jar"
[ -n "${UNET_CLASSPATH:-}" ] && cp="$UNET_CLASSPATH"
for lib in "$(dirname "$cp")"/lib/*.jar; do cp="$cp:$lib"; done
java -cp "$cp" "$here/ProbabilityStack.java" "$out/test/probabilities" 30 "$out/test/test-probabilities.tif"
