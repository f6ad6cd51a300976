#!/usr/bin/python3
"""Markdown table from bench/train results.jsonl (several runs' files may be concatenated): median of per-run medians per (case, mode, impl), ratio
unet4j / PyTorch (below 1 = unet4j faster), checks that both sides ran the same network (parameter count and
output shape), operator counts of one profiled training step per side (count_ops.py), peak RSS, load range."""
import json
import os
import statistics
import sys
from collections import defaultdict

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from count_ops import count  # noqa: E402

runs = defaultdict(list)
meta = {}
for line in open(sys.argv[1]):
    row = json.loads(line)
    if row.get("case") in ("machine", "load"):
        meta.update(row)
        continue
    runs[(row["case"], row["mode"], row["impl"])].append(row)


def ops(rows):
    traces = [r["trace"] for r in rows if r.get("trace") and os.path.exists(r["trace"])]
    if not traces:
        return None
    return count(traces[0])


torch_version = next((r[0].get("torch") for k, r in runs.items() if k[2] == "pytorch"), "?")
print(f"Machine: {meta.get('cpu')}, {meta.get('cores')} cores; {meta.get('java')}; unet4j on DJL 0.36.0 with "
      f"libtorch 2.7.1, peer PyTorch {torch_version}; load before {meta.get('load_before')}, after "
      f"{meta.get('load_after')}.\n")
print("| case | mode | threads | unet4j ms | PyTorch ms | unet4j / PyTorch | parameters (both) | output |"
      " frontend ops/step unet4j / PyTorch | backward nodes unet4j / PyTorch | peak RSS unet4j / PyTorch MB | runs | load |")
print("|---|---|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---|")
for (case, mode) in sorted({(c, m) for (c, m, _) in runs}, key=lambda k: (k[0], k[1] != "train")):
    j, p = runs.get((case, mode, "unet4j"), []), runs.get((case, mode, "pytorch"), [])
    if not j or not p:
        continue
    jm = statistics.median(r["median_ms"] for r in j)
    pm = statistics.median(r["median_ms"] for r in p)
    same = j[0]["trainable_parameters"] == p[0]["trainable_parameters"] and j[0]["output"] == p[0]["output"]
    params = f"{j[0]['trainable_parameters']:,}" if same else f"MISMATCH {j[0]['trainable_parameters']} vs {p[0]['trainable_parameters']}"
    cj, cp = (ops(j), ops(p)) if mode == "train" else (None, None)
    front = f"{cj['frontend_ops']} / {cp['frontend_ops']}" if cj and cp else "–"
    back = f"{cj['backward_nodes']} / {cp['backward_nodes']}" if cj and cp else "–"
    rss = f"{max(r['peak_rss_mb'] for r in j):.0f} / {max(r['peak_rss_mb'] for r in p):.0f}"
    loads = sorted(float(r["load"]) for r in j + p if "load" in r)
    load = f"{loads[0]:.1f}–{loads[-1]:.1f}" if loads else "?"
    print(f"| {case} | {mode} | {p[0]['threads']} | {jm:.1f} | {pm:.1f} | {jm / pm:.2f} | {params} |"
          f" {'×'.join(map(str, j[0]['output']))} | {front} | {back} | {rss} | {min(len(j), len(p))} | {load} |")
