#!/usr/bin/python3
"""PyTorch peer of TrainStepBench: the same U-Net (UNetBuilder's layout: per level two 3x3 convs [+ BatchNorm]
+ ReLU, 2x2 max-pool, 2x2 up-conv (ConvTranspose2d), centre-cropped skip concatenation, dropout at the end of the
contracting path, 1x1 head; He init), the same loss (softmax cross-entropy weighted per pixel, normalised by the
weight sum), the same optimiser (SGD, momentum 0.99, lr 1e-4) and the same data sizes; one JSON line per run.

usage: train_step.py CASE MODE WARMUP REPS THREADS [TRACE.json]      (MODE: train | infer)

With a TRACE path, one more training step runs under torch.autograd.profiler and its Chrome trace is written there
(count_ops.py counts the operators, as for the unet4j side).
"""
import json
import math
import resource
import sys
import time

import torch
from torch import nn

# name: (depth, base, padding, batchnorm, dropout, tile, batch) — the same table as TrainStepBench.named
CASES = {
    "paper-188": (4, 64, 0, False, 0.5, 188, 1),
    "paper-572": (4, 64, 0, False, 0.5, 572, 1),
    "padded32-256-b1": (4, 32, 1, True, 0.5, 256, 1),
    "padded32-256-b4": (4, 32, 1, True, 0.5, 256, 4),
    "overhead-64": (4, 4, 1, True, 0.5, 64, 1),
}


def double_conv(cin, cout, pad, bn):
    layers = []
    for i in range(2):
        layers.append(nn.Conv2d(cin if i == 0 else cout, cout, 3, padding=pad))
        if bn:
            layers.append(nn.BatchNorm2d(cout))
        layers.append(nn.ReLU(inplace=True))
    return nn.Sequential(*layers)


class UNet(nn.Module):
    def __init__(self, depth, base, pad, bn, dropout):
        super().__init__()
        self.depth = depth
        self.down = nn.ModuleList(double_conv(1 if l == 0 else base << (l - 1), base << l, pad, bn)
                                  for l in range(depth + 1))
        self.up = nn.ModuleList(nn.ConvTranspose2d(base << (l + 1), base << l, 2, stride=2) for l in range(depth))
        self.dec = nn.ModuleList(double_conv(2 * (base << l), base << l, pad, bn) for l in range(depth))
        self.pool = nn.MaxPool2d(2)
        self.drop = nn.Dropout(dropout)
        self.head = nn.Conv2d(base, 2, 1)
        for m in self.modules():
            if isinstance(m, nn.Conv2d):
                nn.init.normal_(m.weight, 0, math.sqrt(2.0 / (m.weight.shape[1] * m.weight.shape[2] * m.weight.shape[3])))
                nn.init.zeros_(m.bias)
            elif isinstance(m, nn.ConvTranspose2d):
                nn.init.normal_(m.weight, 0, math.sqrt(2.0 / m.weight.shape[0]))
                nn.init.zeros_(m.bias)

    def forward(self, x):
        skips = []
        for l in range(self.depth):
            x = self.down[l](x)
            skips.append(x)
            x = self.pool(x)
        x = self.drop(self.down[self.depth](x))
        for l in reversed(range(self.depth)):
            x = self.up[l](x)
            s = skips[l]
            dy, dx = (s.shape[2] - x.shape[2]) // 2, (s.shape[3] - x.shape[3]) // 2
            x = self.dec[l](torch.cat([s[:, :, dy:dy + x.shape[2], dx:dx + x.shape[3]], x], 1))
        return self.head(x)


def main():
    name, mode, warmup, reps, threads = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
    trace = sys.argv[6] if len(sys.argv) > 6 and mode == "train" else ""
    torch.set_num_threads(threads)
    torch.set_num_interop_threads(1)
    torch.manual_seed(1)
    depth, base, pad, bn, dropout, tile, batch = CASES[name]
    net = UNet(depth, base, pad, bn, dropout)
    trainable = sum(p.numel() for p in net.parameters() if p.requires_grad)
    g = torch.Generator().manual_seed(2)
    x = torch.rand(batch, 1, tile, tile, generator=g)
    with torch.no_grad():
        out = net.eval()(x).shape
    n_out = out[2]
    y = torch.randint(0, 2, (batch, n_out, n_out), generator=g)
    w = 1 + 10 * torch.rand(batch, n_out, n_out, generator=g)
    opt = torch.optim.SGD(net.parameters(), lr=1e-4, momentum=0.99)
    times = []
    for i in range(warmup + reps + (1 if trace else 0)):
        profile = trace and i == warmup + reps
        start = time.perf_counter()
        if mode == "train":
            net.train()
            ctx = torch.autograd.profiler.profile() if profile else None
            if ctx:
                ctx.__enter__()
            opt.zero_grad(set_to_none=False)  # zero in place, as unet4j's optimiser zeroes gradients in place
            logp = torch.log_softmax(net(x), 1)
            loss = -(logp.gather(1, y.unsqueeze(1)).squeeze(1) * w).sum() / w.sum()
            loss.backward()
            opt.step()
            loss.item()
            if ctx:
                ctx.__exit__(None, None, None)
                ctx.export_chrome_trace(trace)
        else:
            net.eval()
            with torch.no_grad():
                torch.softmax(net(x), 1).numpy()
        elapsed = (time.perf_counter() - start) * 1000
        if warmup <= i < warmup + reps:
            times.append(elapsed)
    times.sort()
    print(json.dumps({
        "impl": "pytorch", "case": name, "mode": mode, "median_ms": round(times[len(times) // 2], 3),
        "min_ms": round(times[0], 3), "times_ms": [round(t, 3) for t in times], "trainable_parameters": trainable,
        "output": list(out), "trace": trace, "threads": threads, "torch": torch.__version__,
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}))


if __name__ == "__main__":
    main()
