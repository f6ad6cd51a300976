#!/usr/bin/env bash
# Bounded memory: `unet predict` on a SIZE×SIZE 8-bit TIFF (default 20000) with -Xmx2g and a tiny model (depth 2,
# 4 filters). Reports wall time, peak heap (from the GC log: the largest heap occupancy before a collection, and the
# largest after one = live data) and peak RSS (native memory included).
#   bench/predict/big-image.sh [SIZE] [WORK_DIR]        (default 20000 and /tmp/unet4j-big-image)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
size="${1:-20000}"
work="${2:-/tmp/unet4j-big-image}"
build="$here/target"
mkdir -p "$build" "$work"
source "$root/bench/cli-classpath.sh"
javac -nowarn -d "$build" -cp "$cp" "$here/PredictBench.java"
bench() { java -Xmx2g -Dai.djl.offline=true -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$build:$cp" PredictBench "$@"; }
[ -f "$work/model/unet.json" ] || bench make-bundle "$work/model" tiny
[ -f "$work/big-$size.tif" ] || { echo "writing $work/big-$size.tif" >&2; bench make-image "$work/big-$size.tif" "$size"; }
rm -rf "$work/out"
/usr/bin/time -v -o "$work/time.txt" java -Xmx2g -Xlog:gc:file="$work/gc.log" -Dai.djl.offline=true \
  -Dai.djl.pytorch.num_threads=2 -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$cp" org.unet4j.cli.UNetCli \
  predict --model "$work/model" --input "$work/big-$size.tif" --out "$work/out" | tee "$work/predict.txt"
/usr/bin/python3 - "$work" <<'PY'
import re, sys
work = sys.argv[1]
pairs = [tuple(map(int, m)) for m in re.findall(r"(\d+)M->(\d+)M", open(f"{work}/gc.log").read())]
time = open(f"{work}/time.txt").read()
rss_kb = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", time).group(1))
wall = re.search(r"Elapsed \(wall clock\) time.*: (\S+)", time).group(1)
print(f"GCs {len(pairs)}; peak heap before GC {max(p[0] for p in pairs)} MB, peak live after GC "
      f"{max(p[1] for p in pairs)} MB; peak RSS {rss_kb // 1024} MB; wall {wall}")
PY
ls -l "$work/out"/*/
