#!/usr/bin/python3
"""Markdown table from bench/train results.jsonl: median of per-run medians per (case, mode, impl), ratio
unet4j / PyTorch (below 1 = unet4j faster), checks that both sides ran the same network."""
import json
import statistics
import sys
from collections import defaultdict

runs = defaultdict(list)
meta = {}
for line in open(sys.argv[1]):
    row = json.loads(line)
    if row.get("case") in ("machine", "load"):
        meta.update(row)
        continue
    runs[(row["case"], row["mode"], row["impl"])].append(row)

print(f"Machine: {meta.get('cpu')}, {meta.get('cores')} cores; {meta.get('java')}; load before "
      f"{meta.get('load_before')}, after {meta.get('load_after')}.\n")
print("| case | mode | unet4j ms | PyTorch ms | unet4j / PyTorch | parameters (both) | output | unet4j arrays/step |"
      " PyTorch top-level ops/step | peak RSS unet4j / PyTorch MB |")
print("|---|---|---:|---:|---:|---:|---|---:|---:|---:|")
for (case, mode) in sorted({(c, m) for (c, m, _) in runs}, key=lambda k: (k[0], k[1] != "train")):
    j, p = runs.get((case, mode, "unet4j"), []), runs.get((case, mode, "pytorch"), [])
    if not j or not p:
        continue
    jm = statistics.median(r["median_ms"] for r in j)
    pm = statistics.median(r["median_ms"] for r in p)
    same = j[0]["trainable_parameters"] == p[0]["trainable_parameters"] and j[0]["output"] == p[0]["output"]
    params = f"{j[0]['trainable_parameters']:,}" if same else f"MISMATCH {j[0]['trainable_parameters']} vs {p[0]['trainable_parameters']}"
    arrays = j[0].get("arrays_per_step", -1)
    ops = p[0].get("top_level_ops_per_step", -1)
    rss = f"{max(r['peak_rss_mb'] for r in j):.0f} / {max(r['peak_rss_mb'] for r in p):.0f}"
    print(f"| {case} | {mode} | {jm:.1f} | {pm:.1f} | {jm / pm:.2f} | {params} | {'×'.join(map(str, j[0]['output']))} |"
          f" {arrays if mode == 'train' else '–'} | {ops if mode == 'train' else '–'} | {rss} |")
