#!/usr/bin/python3
"""cvxopt baseline of `fresnel bench --secure`: paper 001's AN design (an-secure-pcrb) on the
golden set-up scaled to Nt transmit antennas (Nr = Nt + 2 receive antennas): far-field centred
half-wavelength ULAs on the y axis at 30 GHz, four candidate angles -55/-35/65/45 deg
(p = 0.2/0.3/0.1/0.4) at 10 m acting as eavesdroppers (gain 10^-0.5), the target with that prior
(sigma 0.01 rad, |beta| = 0.1 * 0.0071), a user at -10 deg, 50 m with gain 1e-3, P = 0.1 W,
noise 1e-9 W, Gamma = 2.68e-5 rad^2.

Same formulation as the Java design (io.fresnel.design.SecrecySdp): per gamma the Charnes-Cooper
SDP (P2.1R) in the subspace span{c_u^*, c_e^*, v_k^*}, normalised (covariances in units of P,
unit directions with SNRs), Hermitian PSD constraints through the real embedding; the 1-D search
of (P1.2) as the Java design searches (see search()). Prints f(gamma) at the reference gamma, the best secrecy rate, the number of
solves, the median time of one SDP and of the whole search, and the machine.

Usage: /usr/bin/python3 an_secure_cvxopt.py [--runs R] [Nt ...]   (default: 3 searches per size; 8 16 32 64)
"""
import math
import platform
import statistics
import sys
import time

import numpy as np
from cvxopt import matrix, solvers

solvers.options["show_progress"] = False

C = 299_792_458.0
F = 30e9
LAM = C / F
K = 2 * math.pi / LAM
ANGLES = np.radians([-55.0, -35.0, 65.0, 45.0])
PROBS = np.array([0.2, 0.3, 0.1, 0.4])
R0 = 10.0
EVE_GAIN = 10 ** -0.5
USER_ANGLE = math.radians(-10.0)
USER_GAIN = 1e-3
POWER = 0.1
NOISE = 1e-9
SIGMA_THETA = 0.01
BETA2 = (0.1 * 0.0071) ** 2
SNAPSHOTS = 1
GAMMA_MAX = 2.68e-5
REF_GAMMA = 0.02308082254899701


def ula(n):
    return (np.arange(n) - (n - 1) / 2) * LAM / 2


def response(y, theta):
    """Far-field v(theta) without the common phase: exp(j k y_n sin theta)."""
    return np.exp(1j * K * y * math.sin(theta))


def problem(nt):
    nr = nt + 2
    yt, yr = ula(nt), ula(nr)
    cu = USER_GAIN * response(yt, USER_ANGLE)
    ce = [EVE_GAIN * response(yt, th) for th in ANGLES]
    v = [response(yt, th) for th in ANGLES]
    rho = [K ** 2 * math.cos(th) ** 2 * np.sum(yr ** 2) for th in ANGLES]  # rho_0 (1 + cos 2 theta)
    c = 2 * SNAPSHOTS * BETA2 / NOISE
    required = (1 / GAMMA_MAX - 1 / SIGMA_THETA ** 2) / c
    span = np.column_stack([np.conj(cu)] + [np.conj(x) for x in ce] + [np.conj(x) for x in v])
    q, rr = np.linalg.qr(span)
    keep = np.abs(np.diag(rr)) > 1e-10 * np.max(np.abs(np.diag(rr)))
    b = q[:, keep]
    d = b.shape[1]
    yu = b.conj().T @ np.conj(cu)
    usnr = POWER * np.vdot(yu, yu).real / NOISE
    yu = yu / np.linalg.norm(yu)
    ge, esnr = [], []
    for x in ce:
        g = b.conj().T @ np.conj(x)
        esnr.append(POWER * np.vdot(g, g).real / NOISE)
        ge.append(g / np.linalg.norm(g))
    qm = np.zeros((d, d), complex)
    for pk, rk, x in zip(PROBS, rho, v):
        z = b.conj().T @ np.conj(x)
        qm += pk * rk * np.outer(z, z.conj())
    top = np.linalg.eigvalsh(qm)[-1]
    return dict(d=d, yu=yu, usnr=usnr, ge=ge, esnr=esnr, q=qm / top, kappa=required / (POWER * top))


def herm_basis(d):
    """Real parametrisation of a d x d Hermitian matrix: list of (i, j, re, im) unit elements."""
    out = []
    for i in range(d):
        out.append((i, i, 1.0, 0.0))
    for i in range(d):
        for j in range(i + 1, d):
            out.append((i, j, 1.0, 0.0))
            out.append((i, j, 0.0, 1.0))
    return out


def element(d, i, j, re, im):
    m = np.zeros((d, d), complex)
    m[i, j] = re + 1j * im
    if i != j:
        m[j, i] = re - 1j * im
    return m


def sdp(pr, gamma):
    d = pr["d"]
    basis = herm_basis(d)
    nh = len(basis)
    nv = 2 * nh + 1
    t = 2 * nh
    mats = [element(d, *e) for e in basis]

    def tr(a):  # coefficients of Re tr(A X) over the parametrisation
        return np.array([np.trace(a @ m).real for m in mats])

    hu = np.outer(pr["yu"], pr["yu"].conj())
    cobj = np.zeros(nv)
    cobj[:nh] = -tr(hu)
    gl, hl = [], []
    for g, s in zip(pr["ge"], pr["esnr"]):
        row = np.zeros(nv)
        a = tr(np.outer(g, g.conj()))
        row[:nh], row[nh:2 * nh], row[t] = a, -gamma * a, -gamma / s
        gl.append(row)
        hl.append(0.0)
    ident = tr(np.eye(d))
    row = np.zeros(nv)
    row[:nh], row[nh:2 * nh], row[t] = ident, ident, -1
    gl.append(row)
    hl.append(0.0)
    qa = tr(pr["q"])
    row = np.zeros(nv)
    row[:nh], row[nh:2 * nh], row[t] = -qa, -qa, pr["kappa"]
    gl.append(row)
    hl.append(0.0)
    row = np.zeros(nv)
    row[t] = -1
    gl.append(row)
    hl.append(0.0)
    aeq = np.zeros((1, nv))
    aeq[0, nh:2 * nh] = pr["usnr"] * tr(hu)
    aeq[0, t] = 1
    gs, hs = [], []
    for off in (0, nh):
        g = np.zeros((4 * d * d, nv))
        for k, m in enumerate(mats):
            emb = np.block([[m.real, -m.imag], [m.imag, m.real]])
            g[:, off + k] = -emb.flatten(order="F")
        gs.append(matrix(g))
        hs.append(matrix(np.zeros((2 * d, 2 * d))))
    sol = solvers.sdp(matrix(cobj), Gl=matrix(np.array(gl)), hl=matrix(np.array(hl)), Gs=gs, hs=hs,
                      A=matrix(aeq), b=matrix([1.0]))
    x = np.array(sol["x"]).flatten()
    w = sum(x[k] * mats[k] for k in range(nh))
    vv = sum(x[nh + k] * mats[k] for k in range(nh))
    f = pr["usnr"] * np.vdot(pr["yu"], w @ pr["yu"]).real / (pr["usnr"] * np.vdot(pr["yu"], vv @ pr["yu"]).real
                                                             + x[t])
    return sol["status"], f


PER_DECADE = 4
FIRST_DECADES = 2
PRUNE_TOLERANCE = 1e-7
VALUE_TOLERANCE = 1e-8  # as GammaSearch.VALUE_TOLERANCE: the accuracy of the evaluations
LN_TOLERANCE = 1e-6


def search(pr):
    """The search of the Java design (io.fresnel.design.secure.GammaSearch): the best point of the grid
    (1e-9 and 4/decade from 1e-6 to the user SNR), evaluated every 2 decades first (up to where even
    f = SNR loses), then the middle of every run of unevaluated grid points whose bound
    log2((1 + f(right)) / (1 + left)) (f is nondecreasing in gamma and at most the SNR) exceeds the best
    value by more than 1e-7 relative; then Brent's method in ln gamma between the
    best point's grid neighbours to 1e-6, ended early once the same bound shows that no level between the
    best point's evaluated neighbours beats it by 1e-8 relative (VALUE_TOLERANCE)."""
    grid = [1e-9] + [1e-6 * 10 ** (j / 4) for j in range(200) if 1e-6 * 10 ** (j / 4) <= pr["usnr"]]
    points = {}  # gamma -> (s, f or None)
    state = {"solves": 0, "best": -math.inf, "gamma": math.nan}

    def s(g):
        state["solves"] += 1
        status, f = sdp(pr, g)
        value = math.log2((1 + f) / (1 + g)) if status == "optimal" else -math.inf
        points[g] = (value, f if status == "optimal" else None)
        if math.isnan(state["gamma"]) or value > state["best"]:
            state["best"], state["gamma"] = value, g
        return value

    def bound(ga, gb):
        f = pr["usnr"]  # f <= the user's SNR
        for g in sorted(k for k in points if k >= gb):
            if points[g][1] is not None:
                f = min(f, max(0.0, points[g][1]))
                break
        return (math.log1p(f) - math.log1p(ga)) / math.log(2)

    def prune_level():
        if state["best"] == -math.inf:
            return -math.inf  # nothing solved yet: evaluate everything
        return state["best"] + PRUNE_TOLERANCE * max(1.0, abs(state["best"]))

    n = len(grid)
    done = [False] * n
    for i in range(n):
        if i == 0 or i == n - 1 or (i - 1) % (FIRST_DECADES * PER_DECADE) == 0:
            if i > 0 and bound(grid[i], math.inf) <= prune_level():
                break
            s(grid[i])
            done[i] = True
    while True:
        pick, pick_bound = -1, prune_level()
        for i in range(1, n):
            if done[i] or not done[i - 1]:
                continue
            end = i
            while end < n and not done[end]:
                end += 1
            b = bound(grid[i - 1], grid[end] if end < n else math.inf)
            if b > pick_bound:
                pick_bound, pick = b, (i + end - 1) // 2
        if pick < 0:
            break
        s(grid[pick])
        done[pick] = True
    best = max((i for i in range(n) if done[i]), key=lambda i: points[grid[i]][0])

    def certified():
        g0 = state["gamma"]
        below = [g for g in points if g < g0]
        above = [g for g in points if g > g0]
        level = state["best"] + VALUE_TOLERANCE * max(1.0, abs(state["best"]))
        left = bound(max(below), g0) <= level if below else g0 <= grid[0]
        right = bound(g0, min(above)) <= level if above else g0 >= grid[-1]
        return left and right

    a, b = math.log(grid[max(0, best - 1)]), math.log(grid[min(n - 1, best + 1)])
    x = w = v = math.log(grid[best])
    fx = fw = fv = points[grid[best]][0]
    d = e = 0.0
    tol = LN_TOLERANCE / 4
    gold = (3 - math.sqrt(5)) / 2
    while not certified():
        xm = 0.5 * (a + b)
        if abs(x - xm) <= 2 * tol - 0.5 * (b - a):
            break
        golden = True
        if abs(e) > tol:
            r = (x - w) * (fx - fv)
            q = (x - v) * (fx - fw)
            p = (x - v) * q - (x - w) * r
            q = 2 * (q - r)
            if q > 0:
                p = -p
            q = abs(q)
            previous, e = e, d
            if abs(p) < abs(0.5 * q * previous) and q * (a - x) < p < q * (b - x):
                d = p / q
                if x + d - a < 2 * tol or b - (x + d) < 2 * tol:
                    d = tol if xm >= x else -tol
                golden = False
        if golden:
            e = a - x if x >= xm else b - x
            d = gold * e
        u = x + d if abs(d) >= tol else x + (tol if d > 0 else -tol)
        fu = s(math.exp(u))
        if fu >= fx:
            if u >= x:
                a = x
            else:
                b = x
            v, fv, w, fw, x, fx = w, fw, x, fx, u, fu
        else:
            if u < x:
                a = u
            else:
                b = u
            if fu >= fw or w == x:
                v, fv, w, fw = w, fw, u, fu
            elif fu >= fv or v == x or v == w:
                v, fv = u, fu
    return state["best"], state["solves"]


def main(sizes):
    import cvxopt
    print("benchmark: cvxopt %s an-secure-pcrb (paper 001 set-up, reduced Charnes-Cooper SDP per gamma)"
          % cvxopt.__version__)
    for nt in sizes:
        pr = problem(nt)
        status, f = sdp(pr, REF_GAMMA)
        times = []
        for _ in range(5):
            t0 = time.perf_counter()
            sdp(pr, REF_GAMMA)
            times.append(time.perf_counter() - t0)
        runs, cpus = [], []
        for _ in range(RUNS):
            t0, c0 = time.perf_counter(), time.process_time()
            best, n = search(pr)
            runs.append(time.perf_counter() - t0)
            cpus.append(time.process_time() - c0)
        print("Nt = %2d (d = %d): f(%.6g) = %.9g [%s]; best secrecy %.9f bit/s/Hz after %d SDPs; "
              "median SDP %.2f ms, median search %.3f s, median search cpu %.3f s"
              % (nt, pr["d"], REF_GAMMA, f, status, best, n, 1e3 * statistics.median(times),
                 statistics.median(runs), statistics.median(cpus)))
    print("machine: %s %s, %s, python %s" % (platform.system(), platform.machine(), cpu(), platform.python_version()))


def cpu():
    try:
        with open("/proc/cpuinfo") as fh:
            for line in fh:
                if line.startswith("model name"):
                    import os
                    return "%s, %d cpus" % (line.split(":", 1)[1].strip(), os.cpu_count())
    except OSError:
        pass
    return platform.processor()


RUNS = 3

if __name__ == "__main__":
    args = sys.argv[1:]
    if args[:1] == ["--runs"]:
        RUNS = int(args[1])
        args = args[2:]
    main([int(a) for a in args] or [8, 16, 32, 64])
