#!/usr/bin/env bash
# ISBI 2012 (the U-Net paper's EM experiment): slices 0-14 train, 15-19 held out (--val-split 0.25), both presets at width 16,
# 100 iterations per epoch, one thread each so both fit on the 2-core machine side by side. Constant learning rates:
# a run stopped after epoch K equals a run with --epochs K (nothing depends on the planned length).
#
#   experiments/isbi2012/train.sh paper|padded [RUN_DIR]     (EPOCHS=N, default 20; THREADS=N, default 1)
#
# On a GPU drop --base-filters 16 (full width, 64) and the thread settings; nothing else changes.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
unet="${UNET:-$root/unet}"
data="${DATA:-$root/../shared/data/isbi2012/train}"
threads="${THREADS:-1}"
export OMP_NUM_THREADS="$threads"
export UNET_JAVA_OPTS="${UNET_JAVA_OPTS:--Xmx6g -Dai.djl.pytorch.num_threads=$threads -Dai.djl.pytorch.num_interop_threads=1}"
epochs="${EPOCHS:-20}"
out="${2:-runs/isbi2012-$1}"
case "$1" in
  paper) "$unet" train --data "$data" --val-split 0.25 --preset paper --base-filters 16 \
      --tile-size 572 --optimizer sgd --momentum 0.99 --lr 1e-3 --augment all --epochs $epochs --iterations-per-epoch 100 \
      --loader-threads 1 --out "$out" ;;
  padded) "$unet" train --data "$data" --val-split 0.25 --preset padded --base-filters 16 \
      --tile-size 256 --batch-size 4 --optimizer adam --lr 1e-3 --augment all --epochs $epochs \
      --iterations-per-epoch 100 --loader-threads 1 --out "$out" ;;
  *) echo "usage: $0 paper|padded [RUN_DIR]" >&2; exit 2 ;;
esac
