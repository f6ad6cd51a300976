#!/usr/bin/python3
"""PyTorch peer of StepPhasesBench: the phases of one training step timed one by one (forward, loss, backward +
loss read-back, optimiser step incl. zeroing the gradients in place), same net and data as train_step.py; with a
PROFILE path it also writes torch.autograd.profiler's Chrome trace of one step for count_ops.py.

usage: step_phases.py CASE WARMUP REPS THREADS [PROFILE.json]
"""
import json
import statistics
import sys
import time

import torch

from train_step import CASES, UNet


def main():
    name, warmup, reps, threads = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    profile = sys.argv[5] if len(sys.argv) > 5 else None
    torch.set_num_threads(threads)
    torch.set_num_interop_threads(1)
    torch.manual_seed(1)
    depth, base, pad, bn, dropout, tile, batch = CASES[name]
    net = UNet(depth, base, pad, bn, dropout).train()
    g = torch.Generator().manual_seed(2)
    x = torch.rand(batch, 1, tile, tile, generator=g)
    with torch.no_grad():
        n_out = net(x).shape[2]
    y = torch.randint(0, 2, (batch, n_out, n_out), generator=g)
    w = 1 + 10 * torch.rand(batch, n_out, n_out, generator=g)
    opt = torch.optim.SGD(net.parameters(), lr=1e-4, momentum=0.99)
    phases = ["forward", "loss", "backward", "optimizer"]
    times = {p: [] for p in phases}
    for i in range(warmup + reps + (1 if profile else 0)):
        profiling = profile and i == warmup + reps
        ctx = torch.autograd.profiler.profile() if profiling else None
        if ctx:
            ctx.__enter__()
        t0 = time.perf_counter()
        logits = net(x)
        t1 = time.perf_counter()
        loss = -(torch.log_softmax(logits, 1).gather(1, y.unsqueeze(1)).squeeze(1) * w).sum() / w.sum()
        t2 = time.perf_counter()
        loss.backward()
        loss.item()
        t3 = time.perf_counter()
        opt.step()
        opt.zero_grad(set_to_none=False)
        t4 = time.perf_counter()
        if ctx:
            ctx.__exit__(None, None, None)
            ctx.export_chrome_trace(profile)
        elif i >= warmup:
            for p, d in zip(phases, (t1 - t0, t2 - t1, t3 - t2, t4 - t3)):
                times[p].append(d * 1000)
    row = {"impl": "pytorch", "case": name}
    row.update({f"{p}_ms": round(statistics.median(times[p]), 3) for p in phases})
    row["sum_of_medians_ms"] = round(sum(row[f"{p}_ms"] for p in phases), 3)
    print(json.dumps(row))


if __name__ == "__main__":
    main()
