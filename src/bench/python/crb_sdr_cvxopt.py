#!/usr/bin/python3
"""Reference timing for `fresnel bench --sdr`: paper 004 (P1) as the reduced SDP (SDR1.3), solved with cvxopt.

Builds the same scenarios as io.fresnel.cli.SdrBench (bistatic n x n UPA pair at 28 GHz, exact phase,
spherical amplitude, 2 targets, 1-2 users needing 10 dB, P = 10 dBm, noise -50 dBm, 100 snapshots), or
reads a scenario file (subset: ula/upa/explicit arrays, exact phase, line-of-sight users), and solves

    min sum_k t_k  s.t.  [[D F(X) D, D e_k / sqrt(s_k)], [., tau_k]] >= 0 (Schur LMIs, whitened),
    tr X <= 1,  Y_u >= 0,  X - sum Y_u >= 0,
    g_u^H X g_u - (1 + 1/Gamma_u) g_u^H Y_u g_u <= -sigma_u^2 / P      (SINR)

in span{v_k^*, dv_k^*/dc, c_u^*}, exactly as the Java design does (same whitening and scaling), so the
two solvers see the same program. Timed: model + program build + solve (median of runs).

Usage: /usr/bin/python3 crb_sdr_cvxopt.py [--runs 5] [--scenario FILE.json]
"""
import argparse
import json
import platform
import time

import numpy as np
from cvxopt import matrix, solvers

C0 = 299792458.0


def upa(nx, ny, s, center):
    pts = []
    for ix in range(nx):
        for iy in range(ny):
            pts.append([center[0] + (ix - (nx - 1) / 2) * s, center[1] + (iy - (ny - 1) / 2) * s, center[2]])
    return np.array(pts)


def ula(n, s, axis, center=None, first=None):
    e = {"x": 0, "y": 1, "z": 2}[axis]
    pts = np.zeros((n, 3))
    if center is not None:
        pts[:] = center
        pts[:, e] += (np.arange(n) - (n - 1) / 2) * s
    else:
        pts[:] = first
        pts[:, e] += np.arange(n) * s
    return pts


def array_of(spec):
    if "upa" in spec:
        u = spec["upa"]
        return upa(u["elements_x"], u["elements_y"], u["spacing_m"], u.get("center_m", [0, 0, 0]))
    if "ula" in spec:
        u = spec["ula"]
        return ula(u["elements"], u["spacing_m"], u.get("axis", "y"), u.get("center_m"), u.get("first_element_m"))
    return np.array(spec["positions_m"], dtype=float)


def response(elems, o, lam, spherical, p):
    """v' (common phase removed) and dv'/dp (3 x N), exact phase model."""
    k = 2 * np.pi / lam
    q = p - o
    r = np.linalg.norm(q)
    diff = p - elems
    dist = np.linalg.norm(diff, axis=1)
    amp = lam / (4 * np.pi * dist) if spherical else np.ones_like(dist)
    v = amp * np.exp(-1j * k * (dist - r))
    dv = np.empty((3, len(dist)), dtype=complex)
    for c in range(3):
        g = diff[:, c] / dist - q[c] / r
        da = -amp * diff[:, c] / dist ** 2 if spherical else 0
        dv[c] = (da - 1j * k * amp * g) * np.exp(-1j * k * (dist - r))
    return v, dv


def channel(elems, lam, spherical, o, p):
    dist = np.linalg.norm(p - elems, axis=1)
    amp = lam / (4 * np.pi * dist) if spherical else np.ones_like(dist) * lam / (4 * np.pi * np.linalg.norm(p - o))
    return amp * np.exp(-1j * 2 * np.pi / lam * dist)


def bench_scenario(n, users):
    lam = C0 / 28e9
    s = lam / 2
    ap = np.sqrt(2) * n * s
    dz = 2 * ap * ap / lam / 10
    rate = np.log2(11)
    sc = {"dimension": 3, "carrier_frequency_hz": 28e9, "propagation": {"phase": "exact", "amplitude": "spherical"},
          "tx_array": {"upa": {"elements_x": n, "elements_y": n, "spacing_m": s, "center_m": [0, 0, 0]}},
          "rx_array": {"upa": {"elements_x": n, "elements_y": n, "spacing_m": s, "center_m": [0, 0, dz]}},
          "transmit_power_w": 0.01, "sensing": {"snapshots": 100, "noise_w": 1e-8},
          "users": [{"id": "u1", "position_m": [0, 0, dz / 4], "noise_w": 1e-8, "min_rate_bps_hz": rate}],
          "targets": [{"id": "t1", "position_m": [0, 0, 3 * dz / 4], "reflection": [1, 0]},
                      {"id": "t2", "position_m": [0, dz / 8, dz / 3], "reflection": [1, 0]}]}
    if users > 1:
        sc["users"].append({"id": "u2", "position_m": [0, -dz / 12, 2 * dz / 3], "noise_w": 1e-8,
                            "min_rate_bps_hz": rate})
    return sc


def herm_params(d):
    """Index map of a Hermitian d x d matrix in d^2 real parameters: diagonal, Re upper, Im upper."""
    idx = []
    for i in range(d):
        idx.append(("d", i, i))
    for i in range(d):
        for j in range(i + 1, d):
            idx.append(("r", i, j))
    for i in range(d):
        for j in range(i + 1, d):
            idx.append(("i", i, j))
    return idx


def trace_coeffs(a, idx):
    """Coefficients of Re tr(A X) in the Hermitian parameters of X."""
    out = np.empty(len(idx))
    for m, (kind, i, j) in enumerate(idx):
        if kind == "d":
            out[m] = a[i, i].real
        elif kind == "r":
            out[m] = (a[i, j] + a[j, i]).real
        else:
            out[m] = (1j * a[j, i] - 1j * a[i, j]).real
    return out


def herm_embedding_basis(d, idx):
    """For each parameter, the 2d x 2d real embedding [[Re, -Im], [Im, Re]] of its basis matrix, flattened."""
    mats = []
    for kind, i, j in idx:
        e = np.zeros((d, d), dtype=complex)
        if kind == "d":
            e[i, i] = 1
        elif kind == "r":
            e[i, j] = e[j, i] = 1
        else:
            e[i, j], e[j, i] = 1j, -1j
        mats.append(np.block([[e.real, -e.imag], [e.imag, e.real]]))
    return mats


def solve(sc, tight=False):
    dims = sc["dimension"]
    lam = sc.get("speed_of_light_m_s", C0) / sc["carrier_frequency_hz"]
    spherical = sc["propagation"]["amplitude"] == "spherical"
    assert sc["propagation"]["phase"] == "exact"
    tx = array_of(sc["tx_array"])
    rx = array_of(sc["rx_array"]) if "rx_array" in sc else tx
    o = np.array(sc["propagation"].get("reference_m", tx.mean(axis=0)))
    power = sc["transmit_power_w"]
    snaps, s2 = sc["sensing"]["snapshots"], sc["sensing"]["noise_w"]
    fscale = 2.0 * snaps / s2
    k = 2 * np.pi / lam
    tgts, users = sc["targets"], sc["users"]
    K = len(tgts)
    items = dims + 1
    Y, Xr, beta = [], [], []
    for t in tgts:
        p = np.array(t["position_m"], dtype=float)
        v, dv = response(tx, o, lam, spherical, p)
        a, da = response(rx, o, lam, spherical, p)
        Y.append([v] + [dv[c] for c in range(dims)])
        Xr.append([a] + [da[c] for c in range(dims)])
        b = complex(*t["reflection"]) if isinstance(t["reflection"], list) else complex(t["reflection"])
        beta.append(b * np.exp(-2j * k * np.linalg.norm(p - o)))
    chans = [channel(tx, lam, spherical, o, np.array(u["position_m"], dtype=float)).conj() for u in users]
    span = [y.conj() / np.linalg.norm(y) for ys in Y for y in ys] + [c / np.linalg.norm(c) for c in chans]
    q, rr = np.linalg.qr(np.array(span).T)
    keep = np.abs(np.diag(rr)) > 1e-10
    q = q[:, keep]
    d = q.shape[1]
    eta = [[q.conj().T @ y.conj() for y in ys] for ys in Y]
    xs = [x for xs_ in Xr for x in xs_]
    gram = np.array([[xa.conj() @ xb for xb in xs] for xa in xs])
    coords, P = dims * K, (dims + 2) * K
    terms = [None] * P
    for t in range(K):
        for c in range(dims):
            terms[t * dims + c] = [(beta[t], t, 1 + c, 0), (beta[t], t, 0, 1 + c)]
        terms[coords + 2 * t] = [(1, t, 0, 0)]
        terms[coords + 2 * t + 1] = [(1j, t, 0, 0)]
    A = [[None] * P for _ in range(P)]
    for i in range(P):
        for j in range(i, P):
            m = np.zeros((d, d), dtype=complex)
            for (al, t, mx, my) in terms[i]:
                for (al2, t2, mx2, my2) in terms[j]:
                    m += fscale * np.conj(al) * al2 * gram[t * items + mx, t2 * items + mx2] * np.outer(
                        eta[t][my], eta[t2][my2].conj())
            A[i][j] = A[j][i] = m
    F0 = np.array([[np.trace(A[i][j]).real / d for j in range(P)] for i in range(P)])
    w, V = np.linalg.eigh(F0)
    D = (V / np.sqrt(w)) @ V.T
    At = [[sum(D[kk, i] * D[ll, j] * A[kk][ll] for kk in range(P) for ll in range(P)) for j in range(P)]
          for i in range(P)]
    sref = np.array([D[:, kk] @ D[:, kk] for kk in range(coords)])
    S = sref.sum()
    req = [2 ** u["min_rate_bps_hz"] - 1 if u.get("min_rate_bps_hz") else 0 for u in users]
    cons = [u for u in range(len(users)) if req[u] > 0]
    idx = herm_params(d)
    nh = len(idx)
    nvar = nh * (1 + len(cons)) + coords
    # linear inequalities  G_l z <= h_l
    Gl, hl = [], []
    row = np.zeros(nvar)
    row[:nh] = trace_coeffs(np.eye(d), idx)
    Gl.append(row)
    hl.append(1.0)
    for n_, u in enumerate(cons):
        g = q.conj().T @ chans[u]
        g2 = np.real(g.conj() @ g)
        gg = np.outer(g, g.conj()) / g2
        gam = req[u] * (1 + 1e-8)
        row = np.zeros(nvar)
        row[:nh] = trace_coeffs(gg, idx)
        row[nh * (1 + n_): nh * (2 + n_)] = -(1 + 1 / gam) * trace_coeffs(gg, idx)
        Gl.append(row)
        hl.append(-users[u]["noise_w"] / (power * g2))
    Gs, hs = [], []
    emb = herm_embedding_basis(d, idx)
    # X - sum Y_u >= 0 (or X >= 0), Y_u >= 0: -sum z G >= 0 form
    blk = np.zeros((4 * d * d, nvar))
    for m in range(nh):
        blk[:, m] = -emb[m].ravel()
        for n_ in range(len(cons)):
            blk[:, nh * (1 + n_) + m] = emb[m].ravel()
    Gs.append(blk)
    hs.append(np.zeros((2 * d, 2 * d)))
    for n_ in range(len(cons)):
        blk = np.zeros((4 * d * d, nvar))
        for m in range(nh):
            blk[:, nh * (1 + n_) + m] = -emb[m].ravel()
        Gs.append(blk)
        hs.append(np.zeros((2 * d, 2 * d)))
    coef = [[trace_coeffs(At[i][j], idx) for j in range(P)] for i in range(P)]
    for kk in range(coords):
        sz = P + 1
        blk = np.zeros((sz * sz, nvar))
        h = np.zeros((sz, sz))
        for i in range(P):
            for j in range(P):
                blk[i * sz + j, :nh] = -coef[i][j]
            h[i, P] = h[P, i] = D[i, kk] / np.sqrt(sref[kk])
        blk[P * sz + P, nh * (1 + len(cons)) + kk] = -1
        Gs.append(blk)
        hs.append(h)
    c = np.zeros(nvar)
    c[nh * (1 + len(cons)):] = sref / S
    solvers.options["show_progress"] = False
    if tight:
        solvers.options.update({"feastol": 1e-9, "reltol": 1e-10, "abstol": 1e-12})
    sol = solvers.sdp(matrix(c), Gl=matrix(np.array(Gl)), hl=matrix(np.array(hl)),
                      Gs=[matrix(g) for g in Gs], hs=[matrix(h) for h in hs])
    return sol["status"], S / power * sol["primal objective"], sol["iterations"], d


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--scenario")
    ap.add_argument("--tight", action="store_true", help="feastol 1e-9, reltol 1e-10, abstol 1e-12")
    args = ap.parse_args()
    cases = []
    if args.scenario:
        cases.append((args.scenario, json.load(open(args.scenario))))
    else:
        for n in (16, 48):
            for users in (1, 2):
                cases.append(("%dx%d UPA, %d user(s)" % (n, n, users), bench_scenario(n, users)))
    for name, sc in cases:
        times, cpu = [], []
        for _ in range(args.runs):
            t0, c0 = time.perf_counter(), time.process_time()
            status, obj, its, d = solve(sc, args.tight)
            times.append(time.perf_counter() - t0)
            cpu.append(time.process_time() - c0)
        times.sort()
        cpu.sort()
        print("%s: median %.1f ms, min %.1f, max %.1f; %s, sum CRB %.10e m^2, %d iterations, d = %d; median cpu %.1f ms"
              % (name, 1e3 * times[len(times) // 2], 1e3 * times[0], 1e3 * times[-1], status, obj, its, d,
                 1e3 * cpu[len(cpu) // 2]))
    print("machine: %s, %s, python %s, numpy %s" % (platform.machine(), platform.processor() or "cpu",
                                                   platform.python_version(), np.__version__))


if __name__ == "__main__":
    main()
