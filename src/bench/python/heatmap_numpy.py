#!/usr/bin/env python3
"""Vectorised NumPy baseline of `fresnel bench --heatmap`: the beampattern ||P^T v(p)||^2 (W) of a
256-element ULA at 28 GHz (half-wavelength spacing on the y axis, centred at the origin, exact
phase, unit amplitude) with 3 streams, on 400x400 and 100x100 grids over x in [0.5, 30] m,
y in [-15, 15] m. v_n(p) = exp(-j k |p - t_n|). The precoder is random (the timing does not
depend on it). Prints the median, min and max frame time after a warm-up."""
import platform
import statistics
import sys
import time

import numpy as np

C = 299_792_458.0
F = 28e9
N = 256
S = 3


def frame(x, y, ty, k, p):
    """Beampattern on the grid x (nu) by y (nv): returns an (nv, nu) array in W."""
    X, Y = np.meshgrid(x, y)                                 # (nv, nu)
    d = np.sqrt(X[..., None] ** 2 + (Y[..., None] - ty) ** 2)  # (nv, nu, N)
    v = np.exp(-1j * k * d)
    w = v @ p                                                  # (nv, nu, S): w_s = p_s^T v
    return np.sum(np.abs(w) ** 2, axis=-1)


def main(warmup=3, runs=10):
    lam = C / F
    k = 2 * np.pi / lam
    ty = (np.arange(N) - (N - 1) / 2) * lam / 2
    rng = np.random.default_rng(7)
    p = (rng.standard_normal((N, S)) + 1j * rng.standard_normal((N, S))) * np.sqrt(0.05 / (2 * N))
    print("benchmark: NumPy %s beampattern heatmap, N = %d ULA (28 GHz, exact phase), %d streams"
          % (np.__version__, N, S))
    for n in (400, 100):
        x = np.linspace(0.5, 30, n)
        y = np.linspace(-15, 15, n)
        for _ in range(warmup):
            frame(x, y, ty, k, p)
        ms = []
        for _ in range(runs):
            t0 = time.perf_counter()
            frame(x, y, ty, k, p)
            ms.append((time.perf_counter() - t0) * 1e3)
        print("%dx%d frame (ms): median %.2f, min %.2f, max %.2f"
              % (n, n, statistics.median(ms), min(ms), max(ms)))
    print("machine: %s %s, Python %s" % (platform.system(), platform.machine(), sys.version.split()[0]))


if __name__ == "__main__":
    main()
