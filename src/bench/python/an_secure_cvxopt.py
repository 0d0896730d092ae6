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
of (P1.2) on the same grid (1e-9 and 4/decade from 1e-6 to the user SNR) plus golden section in
ln gamma to 1e-6. Prints f(gamma) at the reference gamma, the best secrecy rate, the number of
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


def search(pr):
    grid = [1e-9] + [1e-6 * 10 ** (j / 4) for j in range(200) if 1e-6 * 10 ** (j / 4) <= pr["usnr"]]
    solves = [0]

    def s(g):
        solves[0] += 1
        status, f = sdp(pr, g)
        return math.log2((1 + f) / (1 + g)) if status == "optimal" else -math.inf

    vals = [s(g) for g in grid]
    i = int(np.argmax(vals))
    best = vals[i]
    a, b = math.log(grid[max(0, i - 1)]), math.log(grid[min(len(grid) - 1, i + 1)])
    phi = (math.sqrt(5) - 1) / 2
    x1, x2 = b - phi * (b - a), a + phi * (b - a)
    f1, f2 = s(math.exp(x1)), s(math.exp(x2))
    while b - a > 1e-6:
        if f1 >= f2:
            b, x2, f2 = x2, x1, f1
            x1 = b - phi * (b - a)
            f1 = s(math.exp(x1))
        else:
            a, x1, f1 = x1, x2, f2
            x2 = a + phi * (b - a)
            f2 = s(math.exp(x2))
        best = max(best, f1, f2)
    return best, solves[0]


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
