"""Turns bench/data/run.sh's results.jsonl into the Markdown table of docs/BENCHMARKS.md ("Data pipeline")."""
import json
import statistics
import sys
from collections import defaultdict

rows = [json.loads(line) for line in open(sys.argv[1]) if line.strip()]
runs = defaultdict(list)
cpu = defaultdict(list)
extra = {}
for row in rows:
    if "side" in row and "median_ms" in row:
        runs[(row["side"], row["case"])].append(row["median_ms"])
        cpu[(row["side"], row["case"])].append(row["cpu_median_ms"])
    else:
        extra.setdefault(row["case"], []).append(row)

machine = extra["machine"][0]
check = extra.get("cross-check", [{}])[0]
print(f"Machine: {machine['cpu']}, {machine['cores']} cores; {machine['java']}; "
      f"Python {check.get('versions', {}).get('python')}, NumPy {check.get('versions', {}).get('numpy')}, "
      f"SciPy {check.get('versions', {}).get('scipy')}, scikit-image {check.get('versions', {}).get('skimage')}. "
      f"Load average before {machine['load_before']}, after {extra['load'][0]['load_after']}.")
print()
print(f"Weight maps agree: max |unet4j − recipe| = {check.get('max_abs_diff_recipe_vs_java'):.2g}, "
      f"max |unet4j − boxed| = {check.get('max_abs_diff_boxed_vs_java'):.2g}.")
print()
pairs = [("elastic", "elastic", "elastic deformation (field + bicubic warp), 512²"),
         ("weights", "weights", "weight map, recipe peer (full-image EDT per cell)"),
         ("weights", "weights-box", "weight map, same-algorithm peer (EDT per cell in its box)"),
         ("weights+separation", None, "weight map with separation of touching cells"),
         ("pipeline", "pipeline", "full sample: normalise → weights → augmented 572→388 patch"),
         ("patch", "patch", "augmented 572→388 patch of a prepared sample (per training patch)")]
n = len(runs[("java", "elastic")])
print("| per 512×512 tile, 1 thread | unet4j ms | peer ms | peer / unet4j | unet4j CPU ms | peer CPU ms "
      "| CPU ratio |")
print("|---|---:|---:|---:|---:|---:|---:|")
for java_case, py_case, label in pairs:
    j = statistics.median(runs[("java", java_case)])
    jc = statistics.median(cpu[("java", java_case)])
    if py_case:
        p = statistics.median(runs[("python", py_case)])
        pc = statistics.median(cpu[("python", py_case)])
        print(f"| {label} | {j:.1f} | {p:.1f} | {p / j:.1f}× | {jc:.1f} | {pc:.1f} | {pc / jc:.1f}× |")
    else:
        print(f"| {label} | {j:.1f} | – | – | {jc:.1f} | – | – |")
print()
print(f"Wall-clock medians of {n} alternating runs per side (each the median of 100 Java / 30 Python repetitions "
      f"after 3 s warm-up); CPU = the timing thread's CPU time (less disturbed by other load on the machine).")
print()
for row in extra.get("queue", []):
    print(f"- PatchQueue, {row['workers']} loader thread(s), {row['tile_px']} px patches: "
          f"{row['patches_per_s']:.1f} patches/s")
for row in extra.get("train-fixed-batch", []):
    print(f"- training alone (fixed batch of {row['batch']} × {row['tile_px']} px): {row['steps_per_s']:.3f} steps/s "
          f"= {row['patches_needed_per_s']:.2f} patches/s needed")
for row in extra.get("train-from-queue", []):
    print(f"- training from the queue (1 loader thread): {row['steps_per_s']:.3f} steps/s")
