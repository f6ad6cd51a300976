#!/usr/bin/python3
"""PyTorch peer of PredictBench `speed`: the same U-Net (VALID 3x3 convs, ReLU, 2x2 max-pool, 2x2 up-conv,
centre-cropped skips, dropout at the bottom, 1x1 head, He init) and the same aligned overlap-tile plan (stride
16*floor(out/16), kept pixels centred, mirrored borders, batch 1, softmax) over the same 2048x2048 image.

usage: predict_torch.py PRESET SIZE TILE THREADS [DIR | djl-style]
With DIR (written by `PredictBench speed ... DIR`), the net takes unet4j's parameters instead of its own random ones
and the result is compared with unet4j's probabilities: the two implementations must agree to float rounding.
With `djl-style` the same net is computed the way unet4j's blocks and DJL's managers compute it (up-conv as 1x1 conv
+ depth-to-space + bias, out-of-place ReLU, every intermediate kept until the tile is done): for explaining a gap.
"""
import math
import re
import sys
import time

import numpy as np
import torch
from torch import nn

PRESETS = {"paper": (4, 64), "small": (4, 16), "tiny": (2, 4)}


def double_conv(cin, cout):
    return nn.Sequential(nn.Conv2d(cin, cout, 3), nn.ReLU(inplace=True), nn.Conv2d(cout, cout, 3),
                         nn.ReLU(inplace=True))


class UNet(nn.Module):
    def __init__(self, depth, base, cin=1, classes=2, dropout=0.5, djl_style=False):
        super().__init__()
        # djl_style: False, True (all three), or a set of "upconv", "relu", "keep"
        parts = {"upconv", "relu", "keep"} if djl_style is True else set(djl_style or ())
        self.djl_style = bool(parts)
        self.style = parts
        self.kept = []
        self.depth = depth
        self.down = nn.ModuleList(double_conv(cin if l == 0 else base << (l - 1), base << l) for l in range(depth + 1))
        self.up = nn.ModuleList(nn.ConvTranspose2d(base << (l + 1), base << l, 2, stride=2) for l in range(depth))
        self.dec = nn.ModuleList(double_conv(2 * (base << l), base << l) for l in range(depth))
        self.pool = nn.MaxPool2d(2)
        self.drop = nn.Dropout(dropout)
        self.head = nn.Conv2d(base, classes, 1)
        for m in self.modules():
            if isinstance(m, (nn.Conv2d, nn.ConvTranspose2d)):
                fan_in = m.weight.shape[1] * m.weight.shape[2] * m.weight.shape[3] if isinstance(m, nn.Conv2d) \
                    else m.weight.shape[0]
                nn.init.normal_(m.weight, 0, math.sqrt(2.0 / fan_in))
                nn.init.zeros_(m.bias)

    def keep(self, x):
        """DJL style: every intermediate stays alive until the tile is done (DJL frees a batch's arrays together)."""
        if "keep" in self.style:
            self.kept.append(x)
        return x

    def conv_relu(self, block, x):
        if not self.djl_style:
            return block(x)
        relu = torch.relu if "relu" in self.style else torch.relu_  # out-of-place ReLU, as DJL
        x = self.keep(relu(self.keep(block[0](x))))
        return self.keep(relu(self.keep(block[2](x))))

    def upconv(self, l, x):
        if "upconv" not in self.style:
            return self.up[l](x)
        # unet4j's UpConvBlock: bias-free 1x1 conv to 4·cout channels, depth-to-space, bias
        k = self.up[l].weight  # (cin, cout, 2, 2)
        cout = k.shape[1]
        w = k.permute(1, 2, 3, 0).reshape(4 * cout, k.shape[0], 1, 1)
        z = self.keep(nn.functional.conv2d(x, w))
        n, _, h, wd = z.shape
        up = self.keep(z.reshape(n, cout, 2, 2, h, wd).permute(0, 1, 4, 2, 5, 3).reshape(n, cout, 2 * h, 2 * wd))
        return self.keep(up + self.up[l].bias.reshape(1, cout, 1, 1))

    def forward(self, x):
        self.kept = []
        skips = []
        for l in range(self.depth):
            x = self.conv_relu(self.down[l], x)
            skips.append(x)
            x = self.keep(self.pool(x))
        x = self.drop(self.conv_relu(self.down[self.depth], x))
        for l in reversed(range(self.depth)):
            x = self.upconv(l, x)
            s = skips[l]
            dy, dx = (s.shape[2] - x.shape[2]) // 2, (s.shape[3] - x.shape[3]) // 2
            cropped = s[:, :, dy:dy + x.shape[2], dx:dx + x.shape[3]]
            x = self.conv_relu(self.dec[l], self.keep(torch.cat([self.keep(cropped.contiguous() if self.djl_style
                                                                              else cropped), x], 1)))
        out = self.head(x)
        self.kept = []
        return out


def djl_order(net):
    """Parameter tensors in the order of DJL's block.getParameters() for UNetBuilder's recursive Level blocks."""
    def conv(m):
        return [(m.weight, "conv"), (m.bias, "bias")]

    def level(d):
        out = conv(net.down[d][0]) + conv(net.down[d][2])
        if d < net.depth:
            out += level(d + 1) + [(net.up[d].weight, "upconv"), (net.up[d].bias, "bias")]
            out += conv(net.dec[d][0]) + conv(net.dec[d][2])
        return out
    return level(0) + conv(net.head)


def load_unet4j_parameters(net, directory):
    shapes = [line.split(" ", 1) for line in open(f"{directory}/params.txt").read().splitlines()]
    flat = np.fromfile(f"{directory}/params.f32", dtype="<f4")
    order = djl_order(net)
    assert len(order) == len(shapes), f"{len(order)} tensors here, {len(shapes)} in unet4j"
    at = 0
    with torch.no_grad():
        for (tensor, kind), (name, shape) in zip(order, shapes):
            dims = [int(v) for v in re.findall(r"\d+", shape)]
            values = flat[at:at + int(np.prod(dims))].reshape(dims)
            at += values.size
            if kind == "upconv":   # DJL: 1x1 conv weight (4·cout, cin, 1, 1) = K.permute(1, 2, 3, 0), K (cin, cout, 2, 2)
                cout, cin = dims[0] // 4, dims[1]
                values = values.reshape(cout, 2, 2, cin).transpose(3, 0, 1, 2)
            assert tuple(values.shape) == tuple(tensor.shape), f"{name}: {values.shape} vs {tuple(tensor.shape)}"
            tensor.copy_(torch.from_numpy(np.ascontiguousarray(values)))
    assert at == flat.size


def is_valid(n, depth):
    lost = 4 * ((1 << depth) - 1)
    if n <= lost or (n - lost) % (1 << depth):
        return False
    size = (n - lost) // (1 << depth) - 4
    for _ in range(depth):
        if size < 1:
            return False
        size = 2 * size - 4
    return size >= 1


def input_size_for(out, depth):
    n = out + 2 * (6 * (1 << depth) - 4)
    while not is_valid(n, depth):
        n += 1
    return n


def axis_plan(length, tile, depth):
    """(input starts, kept starts, kept ends) of the aligned plan, as TilePlanner.aligned."""
    margin = 6 * (1 << depth) - 4
    whole = input_size_for(length, depth)
    if whole <= tile:
        return whole, [-margin], [0], [length]
    out = tile - 2 * margin
    pool = 1 << depth
    stride = pool * (out // pool)
    count = 1 + math.ceil(max(0, length - out) / stride)
    offset = (out - stride) // 2
    kept = [0 if k == 0 else k * stride + offset for k in range(count)] + [length]
    return tile, [k * stride - margin for k in range(count)], kept[:-1], kept[1:]


def main():
    preset, size, tile, threads = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    torch.set_num_threads(threads)
    torch.set_num_interop_threads(1)
    torch.manual_seed(42)
    depth, base = PRESETS[preset]
    option = sys.argv[5] if len(sys.argv) > 5 else None
    djl_style = option == "djl-style"
    net = UNet(depth, base, djl_style=djl_style).eval()
    params = sum(p.numel() for p in net.parameters())
    check = option if option and not djl_style else None
    if check:
        load_unet4j_parameters(net, check)
    margin = 6 * (1 << depth) - 4
    y, x = np.mgrid[0:size, 0:size].astype(np.float64)
    image = (0.5 + 0.3 * np.sin(0.031 * y) * np.cos(0.023 * x) + 0.2 * np.sin(0.7 * x + 1.3 * y)).astype(np.float32)
    tile_in, starts, kept0, kept1 = axis_plan(size, tile, depth)
    pad_after = starts[-1] + tile_in - size
    with torch.inference_mode():
        out = net(torch.zeros(1, 1, tile_in, tile_in)).shape[2]   # warm-up on one tile, and the shape check
        start = time.perf_counter()
        padded = np.pad(image, ((margin, pad_after), (margin, pad_after)), mode="reflect")  # numpy reflect = MirrorIndex
        probabilities = np.empty((2, size, size), np.float32)
        for iy, (sy, ky0, ky1) in enumerate(zip(starts, kept0, kept1)):
            for ix, (sx, kx0, kx1) in enumerate(zip(starts, kept0, kept1)):
                t = torch.from_numpy(padded[sy + margin:sy + margin + tile_in, sx + margin:sx + margin + tile_in].copy())
                p = torch.softmax(net(t[None, None]), 1)[0].numpy()
                oy, ox = sy + margin, sx + margin      # the output tile's origin in image coordinates
                probabilities[:, ky0:ky1, kx0:kx1] = p[:, ky0 - oy:ky1 - oy, kx0 - ox:kx1 - ox]
        seconds = time.perf_counter() - start
    if check:
        theirs = np.fromfile(f"{check}/p1.f32", dtype="<f4").reshape(size, size)
        print(f"check: max |p1(pytorch) - p1(unet4j)| = {np.abs(probabilities[1] - theirs).max():.3g} "
              f"with unet4j's parameters")
    print(f"impl={'pytorch-djl-style' if djl_style else 'pytorch'} params={params} tile_in={tile_in} tile_out={out} tiles={len(starts) ** 2} "
          f"seconds={seconds:.3f} mpx_per_s={size * size / 1e6 / seconds:.4f} mean_p1={probabilities[1].mean():.6f} "
          f"torch={torch.__version__}")


if __name__ == "__main__":
    main()
