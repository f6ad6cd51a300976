#!/usr/bin/python3
"""N timed forward passes of one TILE² tile of predict_torch.UNet (no tiling), the peer of `PredictBench forward`.

usage: forward_torch.py PRESET TILE N THREADS [djl-style | PARTS]   PARTS: comma list of upconv, relu, keep
"""
import sys
import time

import torch

from predict_torch import PRESETS, UNet


def main():
    preset, tile, n, threads = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    option = sys.argv[5] if len(sys.argv) > 5 else ""
    djl_style = True if option == "djl-style" else set(option.split(",")) - {""}
    torch.set_num_threads(threads)
    torch.set_num_interop_threads(1)
    torch.manual_seed(42)
    depth, base = PRESETS[preset]
    net = UNet(depth, base, djl_style=djl_style).eval()
    x = torch.rand(1, 1, tile, tile)
    with torch.inference_mode():
        torch.softmax(net(x), 1).numpy()
        seconds, cpu_seconds = [], []
        for _ in range(n):
            start, cpu = time.perf_counter(), time.thread_time()
            torch.softmax(net(x), 1).numpy()
            seconds.append(time.perf_counter() - start)
            cpu_seconds.append(time.thread_time() - cpu)   # all work with 1 intra-op thread
    seconds.sort()
    cpu_seconds.sort()
    name = "pytorch" + ("-djl-style" if djl_style is True else "-" + "+".join(sorted(djl_style)) if djl_style else "")
    print(f"impl={name} forward tile={tile} n={n} median_s={seconds[n // 2]:.3f} min_s={seconds[0]:.3f} "
          f"cpu_s={cpu_seconds[n // 2]:.3f}")


if __name__ == "__main__":
    main()
