#!/usr/bin/python3
"""Peer of OpOverheadBench: microseconds per torch op from Python on 1-element float32 tensors (arithmetic
negligible): add (a new tensor), add_ (in place), add of a Python number; and N/20 each of the kernels of the
overhead case's first level: a 3x3 convolution (4 -> 4 channels, 64 px, padding 1), its im2col matrix product
(4, 36) x (36, 4096), a training-mode batch norm and a 2x2 max-pool of a (1, 4, 64, 64) tensor. Medians of ROUNDS rounds of N ops.

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
    filters, columns = torch.randn(4, 36), torch.randn(36, 64 * 64)
    mean, variance, gamma = torch.zeros(4), torch.ones(4), torch.ones(4)
    f = torch.nn.functional
    kinds = {"add": lambda x: x.add(b), "addi": lambda x: x.add_(b), "add_number": lambda x: x.add(1e-7),
             "conv3x3_4ch_64px": lambda x: f.conv2d(image, kernel, bias, 1, 1),
             "matmul_4x36x4096": lambda x: filters.mm(columns),
             "batchnorm_4ch_64px": lambda x: f.batch_norm(image, mean, variance, gamma, bias, True, 0.1, 1e-5),
             "maxpool_4ch_64px": lambda x: f.max_pool2d(image, 2)}
    times = {k: [] for k in kinds}
    for r in range(-3, rounds):
        for name, op in kinds.items():
            x = a.clone()
            ops = n if name.startswith("add") else n // 20
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
