#!/usr/bin/python3
"""Peer of OpOverheadBench: microseconds per torch op from Python on 1-element float32 tensors (arithmetic
negligible): add (a new tensor), add_ (in place), add of a Python number; and one small convolution (3x3, 4 -> 4
channels, 64 px, padding 1; N/20 of them). Medians of ROUNDS rounds of N ops.

usage: op_overhead.py N ROUNDS
"""
import json
import statistics
import sys
import time

import torch


def main():
    n, rounds = int(sys.argv[1]), int(sys.argv[2])
    torch.set_num_threads(1)
    a, b = torch.ones(1), torch.full((1,), 1e-7)
    image, kernel, bias = torch.rand(1, 4, 64, 64), torch.randn(4, 4, 3, 3), torch.zeros(4)
    kinds = {"add": lambda x: x.add(b), "addi": lambda x: x.add_(b), "add_number": lambda x: x.add(1e-7),
             "conv3x3_4ch_64px": lambda x: torch.nn.functional.conv2d(image, kernel, bias, 1, 1)}
    times = {k: [] for k in kinds}
    for r in range(-3, rounds):
        for name, op in kinds.items():
            x = a.clone()
            ops = n // 20 if name.startswith("conv") else n
            start = time.perf_counter()
            for _ in range(ops):
                op(x)
            if r >= 0:
                times[name].append((time.perf_counter() - start) * 1e6 / ops)
    row = {"impl": "pytorch", "n": n}
    row.update({f"{k}_us": round(statistics.median(v), 2) for k, v in times.items()})
    print(json.dumps(row))


if __name__ == "__main__":
    main()
