#!/usr/bin/env bash
# All benchmarks in one command: the data pipeline (bench/data), training step and single-tile inference
# (bench/train) and overlap-tile inference (bench/predict), each against its Python peer in the same script; their
# Markdown tables replace the generated blocks of docs/BENCHMARKS.md (between "<!-- bench:NAME:begin -->" and
# "<!-- bench:NAME:end -->"); the hand-written prose around them is kept.
#
#   bench/run.sh                         BENCHES="data train predict" (default: all three)
# Options go to the sub-scripts unchanged, by environment: data ROUNDS/CORE/STEPS (DATA_ROUNDS overrides ROUNDS for
# the data benchmark); train TRAIN_ROUNDS, THREADS, CASES, MODES, OVERHEAD_THREADS; predict PREDICT_REPS (default 3),
# THREADS, PRESETS, SKIP_CHECK. DOC=path writes another file than docs/BENCHMARKS.md; NO_DOC=1 only prints;
# DOC_ONLY=1 runs nothing and rewrites the doc from the tables an earlier run left in $OUT (e.g. after combining
# runs by hand).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
benches="${BENCHES:-data train predict}"
doc="${DOC:-$root/docs/BENCHMARKS.md}"
out="${OUT:-${TMPDIR:-/tmp}/unet4j-bench}"
mkdir -p "$out"

load() { cut -d' ' -f1-3 /proc/loadavg; }
plain() { sed 's/\x1b\[[0-9;]*m//g'; } # Maven's colour codes, printed even with -q
[ -n "${DOC_ONLY:-}" ] || {
{
  echo "- **Machine**: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores," \
    "$(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo); $(uname -sr)."
  echo "- **Versions**: $(java -version 2>&1 | head -1 | tr -d '"'); unet4j $(git -C "$root" describe --always --dirty)" \
    "on DJL 0.36.0 / libtorch 2.7.1; peer $(/usr/bin/python3 -c 'import sys, torch, numpy, scipy, skimage; print(f"Python {sys.version.split()[0]}, PyTorch {torch.__version__}, NumPy {numpy.__version__}, SciPy {scipy.__version__}, scikit-image {skimage.__version__}")')."
  echo "- **Threads**: data pipeline 1 (both pinned to one core); training and inference ${THREADS:-2} intra-op" \
    "threads, 1 inter-op thread on both sides; the overhead case ${OVERHEAD_THREADS:-1}."
  echo "- **Run**: $(date -u '+%Y-%m-%d %H:%M UTC'), load average at the start $(load)."
} > "$out/machine.md"

for bench in $benches; do
  echo "== bench/$bench (load $(load))" >&2
  case "$bench" in
    data) ROUNDS="${DATA_ROUNDS:-${ROUNDS:-5}}" OUT="$out/data" "$here/data/run.sh" | plain > "$out/data.md" ;;
    train) ROUNDS="${TRAIN_ROUNDS:-${ROUNDS:-3}}" OUT="$out/train" "$here/train/run.sh" | plain > "$out/train.md" ;;
    predict) "$here/predict/run.sh" "${PREDICT_REPS:-3}" "${THREADS:-2}" | plain | grep '^|' > "$out/predict.md" ;;
    *) echo "unknown benchmark '$bench'; use data, train or predict" >&2; exit 2 ;;
  esac
  printf '\nLoad average at the end of this benchmark: %s.\n' "$(load)" >> "$out/$bench.md"
done
echo "- **Load at the end**: $(load)." >> "$out/machine.md"
}

[ -n "${NO_DOC:-}" ] && { cat "$out"/*.md; exit 0; }
/usr/bin/python3 - "$doc" "$out" machine $benches <<'PY'
import os, re, sys
doc, out, names = sys.argv[1], sys.argv[2], sys.argv[3:]
text = open(doc).read()
for name in names:
    begin, end = f"<!-- bench:{name}:begin -->", f"<!-- bench:{name}:end -->"
    if begin not in text or end not in text:
        sys.exit(f"{doc} has no {begin} … {end} block; add the two marker lines where the {name} table belongs")
    table = open(os.path.join(out, f"{name}.md")).read().strip()
    text = re.sub(re.escape(begin) + ".*?" + re.escape(end), lambda m: f"{begin}\n{table}\n{end}", text, flags=re.S)
tmp = doc + ".tmp"
open(tmp, "w").write(text)
os.replace(tmp, doc)
print(f"updated {', '.join(names)} in {doc}")
PY
