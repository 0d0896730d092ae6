#!/usr/bin/python3
"""Independent reference for `fresnel sweep --paper 001` and `--paper 004` (NumPy + cvxopt).

Written from the papers and docs/scenario-format.md, not from the Java code: the scenes are rebuilt
from the set-up written in docs/sweeps.md, the channels, the FIM and the bounds are computed here
(derivatives analytic, FIM as (2T/sigma^2) Re tr(dG_i^H dG_j R), nuisance gains kept in the FIM),
and the optima come from cvxopt's SDP solver on formulations of its own:

  001 Fig. 2   f(gamma) of the Charnes-Cooper SDP (P2.1R) in the FULL N_t x N_t space (W, V, t),
               s(gamma) = log2((1 + f)/(1 + gamma));
  001 Fig. 4   an-secure-pcrb: max over gamma of s(gamma) (log grid 2/decade up to the user SNR,
               golden section in ln gamma); an-secure-pcrb-no-an: the same SDR with V = 0, an
               UPPER bound of the benchmark (its rank-one beam can only lose; 0 when no gamma up to
               the user SNR is feasible); an-secure-pcrb-mrt: closed form, or
               "infeasible" when MRT misses the PCRB threshold;
  004 Fig. 3   position CRB of the collocated target for isotropic and MRT (closed-form R) and
               CRB-min (SDP with Schur LMIs over R restricted to span{v*, dv*} of Prop. 2);
  004 Fig. 6   sum-CRB of CRB-min (SDP, span{v_k*, dv_k*, c_u*}), min illumination of (P2) and min
               echo power of (P3) (SDPs in span{v_k*, c_u*}, Prop. 4), with the SINR constraints.

Usage:
  paper_001_004_sweeps.py p001-fig2 GAMMA_MAX[,...] GAMMA[,...]
  paper_001_004_sweeps.py p001-fig4 GAMMA_MAX[,...]
  paper_001_004_sweeps.py p004-fig3 N D_M[,...]
  paper_001_004_sweeps.py p004-fig6 NX NY GAMMA_DB[,...]
  paper_001_004_sweeps.py compare REFERENCE.csv FIG.csv RELATIVE_TOLERANCE
The first four print CSV rows figure,x,series,column,value (value "infeasible" when the problem
has no solution); compare checks every reference row against the sweep's mean_<column> (the
no-AN bound as an upper bound) and exits 1 on a mismatch.
"""
import csv
import math
import sys

import numpy as np
from cvxopt import matrix, solvers

solvers.options["show_progress"] = False
solvers.options["maxiters"] = 50

C0 = 299792458.0


# ---------------------------------------------------------------------------------------------
# Hermitian matrices as real vectors, and cvxopt helpers

def herm_basis(d):
    """Unit Hermitian matrices E_k: the real parametrisation A = sum_k x_k E_k."""
    out = []
    for i in range(d):
        m = np.zeros((d, d), complex)
        m[i, i] = 1
        out.append(m)
    for i in range(d):
        for j in range(i + 1, d):
            m = np.zeros((d, d), complex)
            m[i, j] = m[j, i] = 1
            out.append(m)
            m = np.zeros((d, d), complex)
            m[i, j] = 1j
            m[j, i] = -1j
            out.append(m)
    return out


def coeffs(b, basis):
    """Coefficients of Re tr(B A) over the parametrisation."""
    return np.array([np.trace(b @ e).real for e in basis])


def embed(a):
    return np.block([[a.real, -a.imag], [a.imag, a.real]])


class Program:
    """min c^T x s.t. linear <= rows, equalities, and LMIs sum_k x_k F_k + F_0 >= 0 (real sym)."""

    def __init__(self, n):
        self.n = n
        self.c = np.zeros(n)
        self.gl, self.hl, self.a, self.b, self.gs, self.hs = [], [], [], [], [], []

    def le(self, row, rhs):  # row . x <= rhs
        self.gl.append(row)
        self.hl.append(rhs)

    def eq(self, row, rhs):
        self.a.append(row)
        self.b.append(rhs)

    def lmi(self, cols, f0):
        """cols: list of (index, real symmetric matrix F_k); constraint F_0 + sum x_k F_k >= 0."""
        m = f0.shape[0]
        g = np.zeros((m * m, self.n))
        for k, fk in cols:
            g[:, k] -= fk.flatten(order="F")
        self.gs.append(matrix(g))
        self.hs.append(matrix(f0))

    def psd(self, offset, basis):
        """The Hermitian variable with parameters x[offset:offset+len(basis)] is PSD."""
        self.lmi([(offset + k, embed(e)) for k, e in enumerate(basis)], np.zeros((2 * basis[0].shape[0],) * 2))

    def solve(self):
        kw = dict(Gs=self.gs, hs=self.hs)
        if self.gl:
            kw.update(Gl=matrix(np.array(self.gl)), hl=matrix(np.array(self.hl, dtype=float)))
        if self.a:
            kw.update(A=matrix(np.array(self.a)), b=matrix(np.array(self.b, dtype=float)))
        status = "unsolved"
        # tightest first, with iterative refinement of the KKT solves (without it cvxopt stalls on
        # the near rank-one optima of paper 004 at high SINR thresholds); it can also break down on
        # degenerate data, hence the looser retries
        for tol, refinement in ((1e-9, 1), (1e-8, 3), (1e-7, 3)):
            solvers.options.update(abstol=tol, reltol=tol, feastol=tol, refinement=refinement)
            try:
                sol = solvers.sdp(matrix(self.c), **kw)
            except ArithmeticError:
                continue
            status = sol["status"]
            if status == "optimal":
                return status, np.array(sol["x"]).flatten()
            if status == "primal infeasible":
                break
        return status, None


# ---------------------------------------------------------------------------------------------
# Paper 001: N_t = 8, N_r = 10 half-wavelength ULAs on the y axis centred at the origin, 30 GHz,
# far-field phase, unit amplitude; P = 20 dBm; noise -60 dBm everywhere; user at -10 deg, 50 m,
# gain 10^(-30/20); candidates -55/-35/65/45 deg (p = 0.2/0.3/0.1/0.4) at 10 m as eavesdroppers
# with gain 10^(-10/20); the target's prior on them with sigma_theta = 0.01 rad, |beta| =
# 0.0071 * 10^(-20/20), one snapshot.

P001 = dict(nt=8, nr=10, f=30e9, power=0.1, noise=1e-9, user_deg=-10.0, user_r=50.0, user_gain=10 ** -1.5,
            cand_deg=[-55.0, -35.0, 65.0, 45.0], probs=[0.2, 0.3, 0.1, 0.4], cand_r=10.0, eve_gain=10 ** -0.5,
            sigma=0.01, beta2=(0.0071 * 0.1) ** 2, snapshots=1)


def p001_problem(nt=None):
    s = dict(P001)
    if nt:
        s["nt"] = nt
    lam = C0 / s["f"]
    k = 2 * math.pi / lam

    def ula(n):
        return (np.arange(n) - (n - 1) / 2) * lam / 2

    yt, yr = ula(s["nt"]), ula(s["nr"])

    def resp(y, r, th):  # far field: D_n = r - y_n sin(theta)
        return np.exp(-1j * k * (r - y * math.sin(th)))

    cu = s["user_gain"] * resp(yt, s["user_r"], math.radians(s["user_deg"]))
    ce = [s["eve_gain"] * resp(yt, s["cand_r"], math.radians(a)) for a in s["cand_deg"]]
    rho = []
    for a in s["cand_deg"]:
        th, h = math.radians(a), 1e-6
        ar = resp(yr, s["cand_r"], th)
        da = (resp(yr, s["cand_r"], th + h) - resp(yr, s["cand_r"], th - h)) / (2 * h)
        rho.append(np.vdot(da, da).real - abs(np.vdot(ar, da)) ** 2 / np.vdot(ar, ar).real)
    vk = [resp(yt, s["cand_r"], math.radians(a)) for a in s["cand_deg"]]
    # S(R) = sum_k p_k rho_k v_k^T R v_k^*  = tr(Q R) with Q = sum p rho v^* v^T
    q = sum(p * r * np.outer(np.conj(v), v) for p, r, v in zip(s["probs"], rho, vk))
    c = 2 * s["snapshots"] * s["beta2"] / s["noise"]
    return dict(s=s, cu=cu, ce=ce, q=q, c=c)


def p001_bound(pr, r):
    """(24), corrected: 1 / (c tr(Q R) + 1/sigma^2)."""
    return 1 / (pr["c"] * np.trace(pr["q"] @ r).real + 1 / pr["s"]["sigma"] ** 2)


def p001_sdp(pr, gmax, gamma, with_an=True):
    """f(gamma): Charnes-Cooper SDP in the full space; None when infeasible."""
    s = pr["s"]
    n = s["nt"]
    basis = herm_basis(n)
    nh = len(basis)
    nv = (2 * nh if with_an else nh) + 1
    t = nv - 1
    p, noise = s["power"], s["noise"]
    a = math.sqrt(p / noise) * np.conj(pr["cu"])  # SINR_u = a^H W a / (a^H V a + 1), W, V in units of P
    snr_u = np.vdot(a, a).real
    prog = Program(nv)
    prog.c[:nh] = -coeffs(np.outer(a, a.conj()), basis) / snr_u  # maximise a^H W a / ||a||^2
    if with_an:
        row = np.zeros(nv)
        row[nh:2 * nh] = coeffs(np.outer(a, a.conj()), basis) / snr_u
        row[t] = 1 / snr_u
        prog.eq(row, 1 / snr_u)
    else:
        row = np.zeros(nv)
        row[t] = 1
        prog.eq(row, 1)
    for ce in pr["ce"]:
        e = math.sqrt(p / noise) * np.conj(ce)
        snr_e = np.vdot(e, e).real
        ee = coeffs(np.outer(e, e.conj()), basis) / snr_e
        row = np.zeros(nv)
        row[:nh] = ee
        if with_an:
            row[nh:2 * nh] = -gamma * ee
        row[t] = -gamma / snr_e
        prog.le(row, 0)
    tr = coeffs(np.eye(n), basis)
    row = np.zeros(nv)
    row[:nh] = tr
    if with_an:
        row[nh:2 * nh] = tr
    row[t] = -1
    prog.le(row, 0)
    required = (1 / gmax - 1 / s["sigma"] ** 2) / pr["c"] / p  # tr(Q (W + V)) >= required t, units of P
    if required > 0:
        qa = coeffs(pr["q"], basis)
        scale = np.max(np.abs(qa))
        row = np.zeros(nv)
        row[:nh] = -qa / scale
        if with_an:
            row[nh:2 * nh] = -qa / scale
        row[t] = required / scale
        prog.le(row, 0)
    row = np.zeros(nv)
    row[t] = -1
    prog.le(row, 0)
    prog.psd(0, basis)
    if with_an:
        prog.psd(nh, basis)
    status, x = prog.solve()
    if status != "optimal":
        return None
    w = sum(x[i] * basis[i] for i in range(nh))
    v = sum(x[nh + i] * basis[i] for i in range(nh)) if with_an else np.zeros((n, n))
    return (np.vdot(a, w @ a).real) / (np.vdot(a, v @ a).real + x[t])


def secrecy(pr, gmax, gamma, with_an=True):
    f = p001_sdp(pr, gmax, gamma, with_an)
    return -math.inf if f is None else math.log2((1 + f) / (1 + gamma))


def best_secrecy(pr, gmax, with_an=True):
    s = pr["s"]
    snr_u = s["power"] * np.vdot(pr["cu"], pr["cu"]).real / s["noise"]
    # 1e-9, two per decade from 1e-6, and SNR_u: a positive secrecy rate needs gamma < SNR_u, and
    # an infeasible SDP at SNR_u is infeasible at every smaller gamma, so then the optimum is 0
    grid = [1e-9] + [10 ** (e / 2) for e in range(-12, int(2 * math.log10(snr_u)) + 1)] + [snr_u]
    vals = [secrecy(pr, gmax, g, with_an) for g in grid]
    i = int(np.argmax(vals))
    if vals[i] == -math.inf:  # with AN: the PCRB threshold is out of reach (infeasible)
        return None if with_an else 0.0
    lo, hi = math.log(grid[max(0, i - 1)]), math.log(grid[min(len(grid) - 1, i + 1)])
    best = vals[i]
    phi = (math.sqrt(5) - 1) / 2
    x1, x2 = hi - phi * (hi - lo), lo + phi * (hi - lo)
    f1, f2 = secrecy(pr, gmax, math.exp(x1), with_an), secrecy(pr, gmax, math.exp(x2), with_an)
    while hi - lo > 1e-4:
        if f1 >= f2:
            hi, x2, f2 = x2, x1, f1
            x1 = hi - phi * (hi - lo)
            f1 = secrecy(pr, gmax, math.exp(x1), with_an)
        else:
            lo, x1, f1 = x1, x2, f2
            x2 = lo + phi * (hi - lo)
            f2 = secrecy(pr, gmax, math.exp(x2), with_an)
        best = max(best, f1, f2)
    return max(best, 0.0)


def mrt(pr, gmax):
    s = pr["s"]
    w = math.sqrt(s["power"]) * np.conj(pr["cu"]) / np.linalg.norm(pr["cu"])
    if p001_bound(pr, np.outer(w, w.conj())) > gmax * (1 + 1e-6):
        return None
    su = abs(pr["cu"] @ w) ** 2 / s["noise"]
    se = max(abs(ce @ w) ** 2 / s["noise"] for ce in pr["ce"])
    return max(0.0, math.log2(1 + su) - math.log2(1 + se))


# ---------------------------------------------------------------------------------------------
# Paper 004: bistatic n_x x n_y half-wavelength UPA pair at 28 GHz, Tx centred at the origin in
# z = 0, Rx centred at (0, 0, D_z); exact phase, spherical amplitude lambda/(4 pi r); P = 10 dBm;
# sigma_s^2 = sigma_c^2 = -50 dBm; b = 1; T = 100 snapshots.

F004 = 28e9
LAM4 = C0 / F004
K4 = 2 * math.pi / LAM4
P4, NOISE4, T4 = 0.01, 1e-8, 100


def upa(nx, ny, z):
    s = LAM4 / 2
    return np.array([[(i - (nx - 1) / 2) * s, (j - (ny - 1) / 2) * s, z] for i in range(nx) for j in range(ny)])


def dz(nx, ny, fraction):
    s = LAM4 / 2
    return 2 * s * s * (nx * nx + ny * ny) / LAM4 * fraction


def steer(elems, p):
    """v(p) and dv/dp (3 x N): v_n = lambda/(4 pi r_n) exp(-j k r_n)."""
    d = p[None, :] - elems
    r = np.linalg.norm(d, axis=1)
    v = LAM4 / (4 * math.pi * r) * np.exp(-1j * K4 * r)
    dv = (v * (-1 / r - 1j * K4))[None, :] * (d / r[:, None]).T
    return v, dv


def derivs(tx, rx, targets):
    """dG/dxi for xi = (x, y, z, Re b, Im b) per target, b = 1; G = sum_t b_t a_t v_t^T."""
    out = []
    for p in targets:
        v, dv = steer(tx, p)
        a, da = steer(rx, p)
        for i in range(3):
            out.append(np.outer(da[i], v) + np.outer(a, dv[i]))
        out.append(np.outer(a, v))
        out.append(1j * np.outer(a, v))
    return out


def fim(ms, r):
    c = 2 * T4 / NOISE4
    n = len(ms)
    f = np.zeros((n, n))
    for i in range(n):
        for j in range(i, n):
            f[i, j] = f[j, i] = c * np.trace(ms[i].conj().T @ ms[j] @ r).real
    return f


def pos_crbs(f, k):
    d = 1 / np.sqrt(np.diag(f))
    inv = np.linalg.inv(f * np.outer(d, d)) * np.outer(d, d)
    return [sum(inv[5 * t + i, 5 * t + i] for i in range(3)) for t in range(k)]


def subspace(vectors):
    m = np.column_stack([x / np.linalg.norm(x) for x in vectors])
    u, sv, _ = np.linalg.svd(m, full_matrices=False)
    return u[:, sv > 1e-9 * sv[0]]


def p004_sdp(tx, rx, targets, users, gamma, objective):
    """objective: 'crb' (min sum CRB), 'illumination' or 'echo' (max-min); returns the optimum."""
    vs = [steer(tx, p) for p in targets]
    cus = [steer(tx, p)[0] for p in users]
    vecs = [np.conj(v) for v, _ in vs] + [np.conj(c) for c in cus]
    if objective == "crb":
        vecs += [np.conj(dv[i]) for _, dv in vs for i in range(3)]
    b = subspace(vecs)
    d = b.shape[1]
    basis = herm_basis(d)
    nh = len(basis)
    nu = len(users)
    ntar = len(targets)
    nt_extra = 3 * ntar if objective == "crb" else 1
    nv = nh * (1 + nu) + nt_extra
    prog = Program(nv)
    tr = coeffs(np.eye(d), basis)
    row = np.zeros(nv)
    row[:nh] = tr
    prog.le(row, 1)  # tr R <= P (R = P B Y B^H)
    prog.psd(0, basis)
    for u in range(nu):
        prog.psd(nh * (1 + u), basis)
    if nu:  # Y - sum W_u >= 0
        cols = [(k, embed(e)) for k, e in enumerate(basis)]
        for u in range(nu):
            cols += [(nh * (1 + u) + k, -embed(e)) for k, e in enumerate(basis)]
        prog.lmi(cols, np.zeros((2 * d, 2 * d)))
    for u, c in enumerate(cus):  # (1 + G) q^H W_u q - G q^H Y q >= G sigma^2 / P   (q = B^H c^*)
        q = b.conj().T @ np.conj(c)
        qq = np.vdot(q, q).real
        qc = coeffs(np.outer(q, q.conj()), basis) / qq
        row = np.zeros(nv)
        row[nh * (1 + u):nh * (2 + u)] = -(1 + gamma) * qc
        row[:nh] += gamma * qc
        prog.le(row, -gamma * NOISE4 / (P4 * qq))
    tk = nh * (1 + nu)
    if objective == "crb":
        ms = derivs(tx, rx, targets)
        mb = np.array([m @ b for m in ms])
        n = len(ms)
        cf = 2 * T4 / NOISE4 * P4
        stack = np.array(basis)
        k_all = np.einsum("ima,jmb->ijab", mb.conj(), mb)
        lin = np.einsum("ijab,kba->ijk", k_all, stack).real * cf  # F_ij(Y) = sum_k lin[i, j, k] x_k
        f0 = lin @ tr / d  # F at Y = I/d
        dsc = 1 / np.sqrt(np.diag(f0))
        scaled = lin * np.outer(dsc, dsc)[:, :, None]
        weights = dsc ** 2
        wmax = max(weights[5 * t + i] for t in range(ntar) for i in range(3))
        for t in range(ntar):
            for i in range(3):
                idx = 5 * t + i
                cols = []
                for k in range(nh):
                    fk = np.zeros((n + 1, n + 1))
                    fk[:n, :n] = scaled[:, :, k]
                    cols.append((k, fk))
                tcol = np.zeros((n + 1, n + 1))
                tcol[n, n] = 1
                cols.append((tk + 3 * t + i, tcol))
                f00 = np.zeros((n + 1, n + 1))
                f00[idx, n] = f00[n, idx] = 1
                prog.lmi(cols, f00)
                prog.c[tk + 3 * t + i] = weights[idx] / wmax
        status, x = prog.solve()
        return None if status != "optimal" else prog.c @ x * wmax
    # mu = scale mu' (mu' of order one): mu' <= w_t P (B^H v^*)^H Y (B^H v^*) / scale
    a0 = steer(rx, targets[0])[0]
    v0 = vs[0][0]
    scale = P4 * np.vdot(v0, v0).real * (np.vdot(a0, a0).real if objective == "echo" else 1.0)
    for t, (v, _) in enumerate(vs):
        z = b.conj().T @ np.conj(v)
        w = P4
        if objective == "echo":
            a, _ = steer(rx, targets[t])
            w *= np.vdot(a, a).real
        row = np.zeros(nv)
        row[:nh] = -coeffs(np.outer(z, z.conj()), basis) * w / scale
        row[tk] = 1
        prog.le(row, 0)
    prog.c[tk] = -1
    status, x = prog.solve()
    return None if status != "optimal" else x[tk] * scale


def p004_fig3(n, ds):
    rows = []
    tx, rx = upa(n, n, 0.0), upa(n, n, dz(n, n, 0.1))
    for d in ds:
        p = np.array([0.0, d, dz(n, n, 0.1) / 2])
        ms = derivs(tx, rx, [p])
        v, _ = steer(tx, p)
        iso = P4 / len(tx) * np.eye(len(tx))
        w = np.conj(v) / np.linalg.norm(v)
        rows.append((3, d, "isotropic", "crb_position_m2", pos_crbs(fim(ms, iso), 1)[0]))
        rows.append((3, d, "mrt", "crb_position_m2", pos_crbs(fim(ms, P4 * np.outer(w, w.conj())), 1)[0]))
        rows.append((3, d, "mrt", "user_sinr", P4 * np.vdot(v, v).real / NOISE4))
        rows.append((3, d, "crb-min-sdr", "crb_position_m2", p004_sdp(tx, rx, [p], [], 0.0, "crb")))
    return rows


def p004_fig6(nx, ny, gammas_db):
    z = dz(nx, ny, 0.05)
    tx, rx = upa(nx, ny, 0.0), upa(nx, ny, z)
    targets = [np.array([0, 0, 3 * z / 4]), np.array([0, z / 8, z / 3])]
    users = [np.array([0, 0, z / 4]), np.array([0, 0, z / 2])]
    rows = []
    for g in gammas_db:
        gamma = 10 ** (g / 10)
        rows.append((6, g, "crb-min-sdr", "crb_position_sum_m2", p004_sdp(tx, rx, targets, users, gamma, "crb")))
        rows.append((6, g, "illumination-maxmin-sdr", "min_illumination_w",
                     p004_sdp(tx, rx, targets, users, gamma, "illumination")))
        rows.append((6, g, "echo-maxmin-sdr", "min_echo_power_w", p004_sdp(tx, rx, targets, users, gamma, "echo")))
    return rows


# ---------------------------------------------------------------------------------------------

def floats(text):
    return [float(x) for x in text.split(",")]


def emit(rows):
    w = csv.writer(sys.stdout, lineterminator="\n")
    w.writerow(["figure", "x", "series", "column", "value"])
    for f, x, series, col, val in rows:
        w.writerow([f, repr(float(x)), series, col, "infeasible" if val is None else repr(float(val))])


def compare(ref_file, fig_file, tol):
    with open(fig_file, encoding="utf-8") as fh:
        sweep = list(csv.DictReader(fh))
    bad = 0
    with open(ref_file, encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            x = float(r["x"])
            hits = [s for s in sweep if math.isclose(float(s["x"]), x, rel_tol=1e-9, abs_tol=1e-12)
                    and s["series"] == r["series"]]
            if len(hits) != 1:
                print("compare: no single sweep row for x = %s, series %s" % (r["x"], r["series"]))
                bad += 1
                continue
            s = hits[0]
            column = r["column"]
            upper = column.endswith("_upper_bound")
            if upper:
                column = column[:-len("_upper_bound")]
            got = s["mean_" + column]
            if r["value"] == "infeasible":
                ok = s["counted"] == "0"
                print("%s x=%s %s %s: reference infeasible, sweep counted %s -> %s"
                      % (fig_file, r["x"], r["series"], r["column"], s["counted"], "ok" if ok else "MISMATCH"))
            else:
                ref = float(r["value"])
                if got == "":
                    ok = False
                elif upper:
                    ok = float(got) <= ref + tol * max(1.0, abs(ref))
                else:
                    ok = abs(float(got) - ref) <= tol * max(abs(ref), 1e-300)
                print("%s x=%s %s %s: reference %.9g, sweep %s -> %s"
                      % (fig_file, r["x"], r["series"], r["column"], ref, got or "(none)", "ok" if ok else "MISMATCH"))
            bad += 0 if ok else 1
    return bad


def main(argv):
    mode = argv[0]
    if mode == "p001-fig2":
        pr = p001_problem()
        rows = []
        for gmax in floats(argv[1]):
            label = "\u0393 = %.2e rad\u00b2" % gmax
            for g in floats(argv[2]):
                f = p001_sdp(pr, gmax, g)
                rows.append((2, g, label, "secrecy_at_gamma_bps_hz",
                             None if f is None else math.log2((1 + f) / (1 + g))))
        emit(rows)
    elif mode == "p001-fig4":
        pr = p001_problem()
        rows = []
        for gmax in floats(argv[1]):
            an = best_secrecy(pr, gmax, True)
            rows.append((4, gmax, "an-secure-pcrb", "min_secrecy_rate_bps_hz", an))
            # Gamma out of reach for AN is out of reach for every precoder
            rows.append((4, gmax, "an-secure-pcrb-no-an", "min_secrecy_rate_bps_hz_upper_bound",
                         None if an is None else best_secrecy(pr, gmax, False)))
            rows.append((4, gmax, "an-secure-pcrb-mrt", "min_secrecy_rate_bps_hz", mrt(pr, gmax)))
        emit(rows)
    elif mode == "p004-fig3":
        emit(p004_fig3(int(argv[1]), floats(argv[2])))
    elif mode == "p004-fig6":
        emit(p004_fig6(int(argv[1]), int(argv[2]), floats(argv[3])))
    elif mode == "compare":
        bad = compare(argv[1], argv[2], float(argv[3]))
        if bad:
            print("compare: %d mismatches" % bad)
            sys.exit(1)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
