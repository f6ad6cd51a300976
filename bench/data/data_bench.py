"""The Python peers of DataBench.java: the same per-tile work with NumPy/SciPy/scikit-image, one thread.

Usage: /usr/bin/python3 data_bench.py DIR [reps]   (DIR holds tile-labels.tif, tile-image.tif and
tile-weights-java.tif written by DataBench). Prints one JSON line per case (median wall ms per tile) and a
cross-check line comparing this side's weight map with the Java one.

What each case does, as the usual U-Net reimplementations do it:
  elastic     3x3 grid of N(0, 10 px) displacements, upsampled to 512x512 with ndimage.zoom(order=3) per axis,
              then ndimage.map_coordinates(order=3, mode='mirror') of the image (float32 out).
  weights     the widely copied unet_weight_map recipe: one distance_transform_edt per cell over the whole image,
              sort, d1/d2, w0*exp(-(d1+d2)^2/(2 sigma^2)) on background, plus background-relative class weights.
  weights-box the same result computed like unet4j: each cell's EDT only in its bounding box grown by the 26.3 px
              cutoff, keeping the two smallest distances per pixel (the faster Python a careful user would write).
  pipeline    percentile-normalise the in-memory 16-bit image (1-99.8 %), weights-box, then one augmented
              572->388 patch: random flips and quarter turns, 3x3 elastic field, image order=3, mask order=0 and
              weights order=1 on the centred output region (mirror borders), gamma/contrast/brightness jitter.
  patch       that augmented patch alone, from the normalised image, mask and weights prepared once (what a
              training step draws: the weight map is computed once per image).
"""
import json
import os
import sys
import time

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import numpy as np  # noqa: E402
import scipy  # noqa: E402
import skimage  # noqa: E402
import tifffile  # noqa: E402
from scipy import ndimage as ndi  # noqa: E402

W0, SIGMA = 10.0, 5.0
CUTOFF = SIGMA * np.sqrt(2 * np.log(1e6))
IN_PX, OUT_PX = 572, 388
MARGIN = (IN_PX - OUT_PX) // 2


def class_weights(labels):
    fg = labels != 0
    n_fg = fg.sum()
    n_bg = fg.size - n_fg
    return np.where(fg, n_bg / n_fg, 1.0)


def weights_recipe(labels):
    """unet_weight_map as found in many U-Net reimplementations (full-image EDT per cell)."""
    ids = np.unique(labels)[1:]
    distances = np.zeros(labels.shape + (len(ids),))
    for i, label in enumerate(ids):
        distances[:, :, i] = ndi.distance_transform_edt(labels != label)
    distances = np.sort(distances, axis=2)
    d1, d2 = distances[:, :, 0], distances[:, :, 1]
    w = W0 * np.exp(-0.5 * ((d1 + d2) / SIGMA) ** 2) * (labels == 0)
    return (w + class_weights(labels)).astype(np.float32)


def weights_boxed(labels):
    """Same result, each cell's EDT restricted to its bounding box grown by the cutoff."""
    h, w = labels.shape
    d1 = np.full(labels.shape, np.inf)
    d2 = np.full(labels.shape, np.inf)
    margin = int(np.floor(CUTOFF))
    for label, box in enumerate(ndi.find_objects(labels), start=1):
        if box is None:
            continue
        y0, y1 = max(0, box[0].start - margin), min(h, box[0].stop + margin)
        x0, x1 = max(0, box[1].start - margin), min(w, box[1].stop + margin)
        d = ndi.distance_transform_edt(labels[y0:y1, x0:x1] != label)
        a, b = d1[y0:y1, x0:x1], d2[y0:y1, x0:x1]
        b[...] = np.minimum(b, np.maximum(a, d))
        a[...] = np.minimum(a, d)
    s = d1 + d2
    term = np.where((labels == 0) & (s <= CUTOFF), W0 * np.exp(-0.5 * (s / SIGMA) ** 2), 0.0)
    return (term + class_weights(labels)).astype(np.float32)


def percentile_normalize(raw, low=1.0, high=99.8):
    lo, hi = np.percentile(raw, [low, high])
    return ((raw - lo) / (hi - lo)).astype(np.float32)


def elastic_field(rng, size, sigma=10.0):
    coarse = rng.normal(0.0, sigma, size=(2, 3, 3))
    return [ndi.zoom(coarse[a], size / 3.0, order=3) for a in range(2)]


def elastic(image, rng):
    n = image.shape[0]
    dy, dx = elastic_field(rng, n)
    yy, xx = np.mgrid[0:n, 0:n].astype(np.float64)
    return ndi.map_coordinates(image, [yy + dy, xx + dx], order=3, mode="mirror", output=np.float32)


def augmented_patch(image, mask, weights, rng):
    h, w = image.shape
    oy = rng.integers(0, h - OUT_PX + 1)
    ox = rng.integers(0, w - OUT_PX + 1)
    # flips and quarter turns about the window centre as a 2x2 matrix, then the elastic field on the output grid
    m = np.eye(2)
    if rng.random() < 0.5:
        m = m @ np.array([[-1.0, 0.0], [0.0, 1.0]])
    if rng.random() < 0.5:
        m = m @ np.array([[1.0, 0.0], [0.0, -1.0]])
    m = m @ np.linalg.matrix_power(np.array([[0.0, 1.0], [-1.0, 0.0]]), int(rng.integers(4)))
    dy, dx = elastic_field(rng, IN_PX)
    c = (IN_PX - 1) / 2.0
    qy, qx = np.mgrid[0:IN_PX, 0:IN_PX].astype(np.float64)
    qy += dy - c
    qx += dx - c
    centre_y, centre_x = oy - MARGIN + c, ox - MARGIN + c
    sy = centre_y + m[0, 0] * qy + m[0, 1] * qx
    sx = centre_x + m[1, 0] * qy + m[1, 1] * qx
    img = ndi.map_coordinates(image, [sy, sx], order=3, mode="mirror", output=np.float32)
    inner = (slice(MARGIN, MARGIN + OUT_PX),) * 2
    msk = ndi.map_coordinates(mask, [sy[inner], sx[inner]], order=0, mode="mirror")
    wts = ndi.map_coordinates(weights, [sy[inner], sx[inner]], order=1, mode="mirror", output=np.float32)
    # grey values: gamma in [0.8, 1.25] on the min-max range, contrast +-10 % about the mean, brightness +-0.1
    gamma = np.exp((2 * rng.random() - 1) * np.log(1.25))
    lo, hi = img.min(), img.max()
    img = lo + (hi - lo) * ((img - lo) / (hi - lo)) ** gamma
    mean = img.mean()
    img = mean + (1 + (2 * rng.random() - 1) * 0.1) * (img - mean) + (2 * rng.random() - 1) * 0.1
    return img.astype(np.float32), msk, wts


def pipeline(raw, labels, rng):
    image = percentile_normalize(raw)
    weights = weights_boxed(labels)
    mask = (labels != 0).astype(np.int32)
    return augmented_patch(image, mask, weights, rng)


def timed(name, reps, task):
    end = time.perf_counter() + 3.0
    while time.perf_counter() < end:
        task()
    ms = []
    cpu = []
    for _ in range(reps):
        c0 = time.thread_time()
        t0 = time.perf_counter()
        task()
        ms.append((time.perf_counter() - t0) * 1e3)
        cpu.append((time.thread_time() - c0) * 1e3)
    ms.sort()
    cpu.sort()
    print(json.dumps({"side": "python", "case": name, "median_ms": round(ms[reps // 2], 3),
                      "min_ms": round(ms[0], 3), "cpu_median_ms": round(cpu[reps // 2], 3), "reps": reps}),
          flush=True)


def main():
    folder = sys.argv[1]
    reps = int(sys.argv[2]) if len(sys.argv) > 2 else 50
    labels = tifffile.imread(os.path.join(folder, "tile-labels.tif")).astype(np.int32)
    raw = tifffile.imread(os.path.join(folder, "tile-image.tif"))
    java_weights = tifffile.imread(os.path.join(folder, "tile-weights-java.tif"))
    recipe = weights_recipe(labels)
    boxed = weights_boxed(labels)
    print(json.dumps({"side": "python", "case": "cross-check",
                      "max_abs_diff_recipe_vs_java": float(np.abs(recipe - java_weights).max()),
                      "max_abs_diff_boxed_vs_java": float(np.abs(boxed - java_weights).max()),
                      "versions": {"numpy": np.__version__, "scipy": scipy.__version__,
                                   "skimage": skimage.__version__, "python": sys.version.split()[0]}}),
          flush=True)
    image = percentile_normalize(raw)
    rng = np.random.default_rng(1)
    timed("elastic", reps, lambda: elastic(image, rng))
    timed("weights", max(5, reps // 10), lambda: weights_recipe(labels))
    timed("weights-box", reps, lambda: weights_boxed(labels))
    timed("pipeline", reps, lambda: pipeline(raw, labels, rng))
    mask = (labels != 0).astype(np.int32)
    timed("patch", reps, lambda: augmented_patch(image, mask, boxed, rng))


if __name__ == "__main__":
    main()
