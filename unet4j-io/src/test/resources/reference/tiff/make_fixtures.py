"""Writes the TIFF fixtures of ForeignTiffTest with writers other than unet4j's own (tifffile 2023.2, Pillow/libtiff).

Run from this folder with /usr/bin/python3 (Debian bookworm: python3-tifffile, python3-pil). Pixel values follow
formulas that ForeignTiffTest recomputes in Java, so the test needs no stored arrays:

  value(c, y, x) = (y * 7919 + x * 104729 + c * 15485863) % 65536   for 16-bit (% 256 for 8-bit)
  half(y, x)     = (y * 37 + x * 11) % 2048                         for float16 (exact in half precision)

Images are 20 x 36 (H x W): with 16 px tiles that is 2 x 3 tiles, the last row and column partly filled.
"""
import numpy as np
import tifffile
from PIL import Image

H, W = 20, 36
y, x = np.mgrid[0:H, 0:W].astype(np.int64)


def value(c, modulus=65536):
    return (y * 7919 + x * 104729 + c * 15485863) % modulus


u16 = value(0).astype(np.uint16)
u8 = value(0, 256).astype(np.uint8)
rgb16 = np.stack([value(c) for c in range(3)]).astype(np.uint16)
half = ((y * 37 + x * 11) % 2048).astype(np.float16)

# readable encodings
tifffile.imwrite("u16-deflate-predictor-strips.tif", u16, compression="zlib", predictor=True, rowsperstrip=8)
tifffile.imwrite("u16-deflate-predictor-tiles.tif", u16, compression="zlib", predictor=True, tile=(16, 16))
tifffile.imwrite("u16-big-endian.tif", u16, byteorder=">")
tifffile.imwrite("f16-tiles.tif", half, tile=(16, 16))
tifffile.imwrite("rgb16-planar.tif", rgb16, photometric="rgb", planarconfig="separate")
tifffile.imwrite("u16-imagej-stack.tif", np.stack([u16, u16[::-1]]), imagej=True)
tifffile.imwrite("u32-labels.tif", u16.astype(np.uint32) * 1000)  # up to 65535000 < 2^31
Image.fromarray(u8).save("u8-lzw-libtiff.tif", compression="tiff_lzw")
Image.fromarray(u16).save("u16-lzw-libtiff.tif", compression="tiff_lzw")

# encodings unet4j refuses with a clear message
small = u16[:4, :5]
tifffile.imwrite("unsupported-i8.tif", (small.astype(np.int64) % 200 - 100).astype(np.int8))
tifffile.imwrite("unsupported-i64.tif", small.astype(np.int64))
tifffile.imwrite("unsupported-complex64.tif", small.astype(np.complex64))
big = small.astype(np.uint32)
big[0, 0] = 3_000_000_000
tifffile.imwrite("unsupported-u32-above-2to31.tif", big)
