#!/usr/bin/python3
"""Independent cvxopt reference for the SDR designs of `fresnel solve` on a scenario file.

Written from docs/scenario-format.md (the shared SCENARIO.md) and papers 001 and 004 (with their
ERRATA), not from the Java code. Algorithms (the scenario's solver.algorithm, or --algorithm):

  crb-min-sdr              paper 004 (P1): min sum over targets of the position CRB (2-D: x, y;
                           3-D: x, y, z; the reflection gains Re/Im beta_t as nuisance) s.t. every
                           user's SINR >= 2^min_rate - 1 and tr R <= P. SDR: R = sum_u W_u + R_d,
                           W_u >= 0, R_d >= 0; the CRB through Schur LMIs
                           [[F(R), e_k], [e_k^T, t_k]] >= 0 on the whole FIM (diagonally whitened).
  illumination-maxmin-sdr  paper 004 (P2): max min_t v(p_t)^T R v(p_t)^* under the same constraints.
  echo-maxmin-sdr          paper 004 (P3): max min_t |beta_t|^2 ||a(p_t)||^2 v(p_t)^T R v(p_t)^*.
  an-secure-pcrb           paper 001: max [log2(1 + SINR_u) - max_e log2(1 + SINR_e)]^+ over W, V
                           (information beam, AN) s.t. tr(W + V) <= P and, for every target with a
                           prior, the bound (24) with ERRATA 001.3 (general rho(theta) from the
                           receive array) <= pcrb_max_rad2. One user; eavesdroppers and targets with
                           "eavesdropper": true are the eavesdroppers. Search over the eavesdropper
                           SINR level gamma: f(gamma) = max SINR_u s.t. every SINR_e <= gamma by the
                           Charnes-Cooper SDP; optimum = max_gamma log2((1 + f)/(1 + gamma)), found
                           on a log grid (8 per decade) refined by golden-section search around the
                           best two local maxima.

Status: a separate feasibility program first. (P1)-(P3): the smallest power that meets every SINR
(SDP; closed form Gamma sigma^2 / ||c||^2 for one user): infeasible when it exceeds P. Paper 001:
the smallest power that meets every PCRB bound (closed form for one prior: P lambda_max(Q) is the
largest achievable sum). A margin within 1e-5 of the budget is "borderline" (the status of such a
case is not judged by solver_fuzz.py).

Space: "full" solves over N x N Hermitian matrices; "reduced" over B Y B^H, B an orthonormal basis
of the span of the vectors every term depends on (004: v_t^*, dv_t^*/dp, c_u^*; 001: c_u^*, c_e^*,
v(p(theta_k))^*). The reduction is exact (projecting R onto that span keeps every quadratic form
and lowers the trace); "auto" (the default) is reduced (a full 12-element (P2) costs ~26 s, reduced ~0.1 s).

Features: dimension 2/3; arrays positions_m / ula / upa (tx, rx or monostatic); phase exact,
fresnel, far-field; amplitude unit, spherical; reference point; node gain (default lambda/(4 pi r)
with unit amplitude, 1 with spherical), channel, scatterers; noises; min rates; reflections; prior.
Anything else (hybrid architectures, sensing eavesdroppers with an-secure-pcrb...) is rejected.

Usage:
  solver_reference.py SCENARIO.json [--algorithm NAME] [--space auto|full|reduced] [--check EXPECTED.json]
prints {"algorithm", "status", "objective", "objective_name", "seconds", ...} as JSON (with --check:
one line comparing status and objective with a golden expected file, exit 1 beyond 1e-6); exit 2 on
an unsupported or malformed scenario (one line on stderr).
"""
import argparse
import json
import math
import os
import sys
import time

import numpy as np
from cvxopt import matrix, solvers

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from paper_001_004_sweeps import Program as SweepProgram, herm_basis, coeffs, embed  # noqa: E402

solvers.options["show_progress"] = False

BORDER = 1e-5
SINR_ROW_EXPONENT = 0.5
# (abstol, reltol, feastol, KKT refinement steps): tightest first; cvxopt can break down near the
# optimum of badly scaled programs (it then stops with "unknown"), hence the looser retries down
# to its defaults (1e-7, 1e-6, 1e-7)
TOLERANCES = ((1e-10, 1e-10, 1e-8, 1), (1e-9, 1e-9, 1e-8, 2), (1e-8, 1e-8, 1e-8, 3), (1e-7, 1e-7, 1e-8, 3),
              (1e-7, 1e-6, 1e-7, 3))
SEARCH_TOLERANCES = ((1e-8, 1e-8, 1e-8, 1), (1e-7, 1e-7, 1e-8, 3), (1e-7, 1e-6, 1e-7, 3))  # gamma search
ALGORITHMS = ("crb-min-sdr", "illumination-maxmin-sdr", "echo-maxmin-sdr", "an-secure-pcrb")


class Unsupported(Exception):
    pass


# ---------------------------------------------------------------------------------------------
# The scenario

def cplx(x, field):
    if isinstance(x, (int, float)):
        return complex(x)
    if isinstance(x, list) and len(x) == 2:
        return complex(x[0], x[1])
    raise Unsupported("%s: not a complex number" % field)


def array_of(spec, field):
    keys = [k for k in ("positions_m", "ula", "upa") if k in spec and spec[k] is not None]
    if len(keys) != 1:
        raise Unsupported("%s: give exactly one of positions_m, ula, upa" % field)
    if keys[0] == "positions_m":
        return np.array(spec["positions_m"], dtype=float)
    if keys[0] == "ula":
        u = spec["ula"]
        n, d = int(u["elements"]), float(u["spacing_m"])
        e = np.zeros(3)
        e[{"x": 0, "y": 1, "z": 2}[u.get("axis", "y")]] = 1
        if u.get("center_m") is not None:
            return np.array(u["center_m"], float)[None, :] + np.outer((np.arange(n) - (n - 1) / 2) * d, e)
        return np.array(u["first_element_m"], float)[None, :] + np.outer(np.arange(n) * d, e)
    u = spec["upa"]
    nx, ny, d = int(u["elements_x"]), int(u["elements_y"]), float(u["spacing_m"])
    c = np.array(u["center_m"], float)
    return np.array([[c[0] + (i - (nx - 1) / 2) * d, c[1] + (j - (ny - 1) / 2) * d, c[2]]
                     for i in range(nx) for j in range(ny)])


class Scene:
    """Geometry and responses (SCENARIO.md section 1)."""

    def __init__(self, doc):
        if doc.get("format") != "fresnel-scenario/1":
            raise Unsupported("format: must be fresnel-scenario/1")
        self.doc = doc
        self.dim = int(doc["dimension"])
        self.lam = float(doc.get("speed_of_light_m_s", 299792458.0)) / float(doc["carrier_frequency_hz"])
        self.k = 2 * math.pi / self.lam
        prop = doc["propagation"]
        self.phase, self.amp = prop["phase"], prop["amplitude"]
        if self.phase not in ("exact", "fresnel", "far-field"):
            raise Unsupported("propagation.phase: %s" % self.phase)
        if self.amp not in ("unit", "spherical"):
            raise Unsupported("propagation.amplitude: %s" % self.amp)
        self.tx = array_of(doc["tx_array"], "tx_array")
        self.rx = array_of(doc["rx_array"], "rx_array") if doc.get("rx_array") else self.tx
        self.o = np.array(prop["reference_m"], float) if prop.get("reference_m") is not None else self.tx.mean(0)
        arch = (doc.get("architecture") or {}).get("kind", "digital")
        if arch != "digital":
            raise Unsupported("architecture.kind: %s (the SDR designs are fully digital)" % arch)
        if "transmit_power_w" not in doc:
            raise Unsupported("transmit_power_w: required by the designs")
        self.power = float(doc["transmit_power_w"])
        self.sensing = doc.get("sensing") or {}
        self.users = doc.get("users") or []
        self.eves = list(doc.get("eavesdroppers") or [])
        self.targets = doc.get("targets") or []
        self.eves += [t for t in self.targets if t.get("eavesdropper")]
        self.solver = doc.get("solver") or {}

    def response(self, elems, p, common_phase=True):
        """v_n(p) = A_n exp(-j k D_n) and dv/dp (3 x N). Without the common phase: D_n - |p - o|."""
        q = p - self.o
        r = np.linalg.norm(q)
        s = elems - self.o
        diff = p[None, :] - elems
        dist = np.linalg.norm(diff, axis=1)
        if self.phase == "exact":
            dd = (diff / dist[:, None]).T  # dD/dp
            if common_phase:
                dphase = dist
            else:  # |q - s| - |q| = (|s|^2 - 2 q.s) / (|q - s| + |q|)
                dphase = (np.sum(s * s, 1) - 2 * s @ q) / (dist + r)
                dd = dd - (q / r)[:, None]
        else:
            u = q / r
            us = s @ u
            # d(u.s)/dp = (s - (u.s) u) / r
            dus = (s - us[:, None] * u[None, :]).T / r
            dphase = -us
            dd = -dus
            if self.phase == "fresnel":
                quad = (np.sum(s * s, 1) - us ** 2) / (2 * r)
                dphase = dphase + quad
                dd = dd - us[None, :] * dus / r - (quad / r)[None, :] * u[:, None]
            if common_phase:
                dphase = dphase + r
                dd = dd + u[:, None]
        if self.amp == "unit":
            a = np.ones(len(elems))
            da = np.zeros((3, len(elems)))
        else:
            a = self.lam / (4 * math.pi * dist)
            da = -(a / dist ** 2)[None, :] * diff.T
        e = np.exp(-1j * self.k * dphase)
        v = a * e
        dv = (da - 1j * self.k * a[None, :] * dd) * e[None, :]
        return v, dv

    def channel(self, node, field):
        """Channel row c of a single-antenna node (N entries)."""
        if node.get("channel") is not None:
            c = np.array([cplx(x, field + ".channel") for x in node["channel"]])
            if len(c) != len(self.tx):
                raise Unsupported("%s.channel: %d entries for %d elements" % (field, len(c), len(self.tx)))
            return c
        p = np.array(node["position_m"], float)
        c = self.gain(node.get("gain"), p, field) * self.response(self.tx, p)[0]
        for i, sc in enumerate(node.get("scatterers") or []):
            if sc.get("gain") is None:
                raise Unsupported("%s.scatterers[%d].gain: required" % (field, i))
            c = c + cplx(sc["gain"], field) * self.response(self.tx, np.array(sc["position_m"], float))[0]
        return c

    def gain(self, g, p, field):
        if g is not None:
            return cplx(g, field + ".gain")
        if self.amp == "spherical":
            return 1.0
        return self.lam / (4 * math.pi * np.linalg.norm(p - self.o))


# ---------------------------------------------------------------------------------------------
# cvxopt programs over Hermitian matrices B Y B^H

def solved(prog, out):
    """Solves prog, records cvxopt's status (and the tolerances it took) in out; x, or None with
    out["status"] = "solver-failure" when cvxopt did not end optimal."""
    status, x = prog.solve()
    out["cvxopt"] = status
    out["cvxopt_reltol"] = prog.used
    if prog.uncertified:
        out["uncertified"] = prog.uncertified
    if status != "optimal":
        out["status"] = "solver-failure"
        return None
    return x


class Program(SweepProgram):
    """min c^T x s.t. Gl x <= hl, A x = b, and LMIs F0 + sum x_k F_k >= 0 (real symmetric): the sweeps'
    program (its rows and LMIs) with this script's ladder of tolerances and its early-stop fallback."""

    def __init__(self, n, tolerances=None):
        super().__init__(n)
        self.tolerances = tolerances or TOLERANCES

    def kwargs(self):
        kw = dict(Gs=self.gs, hs=self.hs)
        if self.gl:
            kw.update(Gl=matrix(np.array(self.gl)), hl=matrix(np.array(self.hl, dtype=float)))
        if self.a:
            kw.update(A=matrix(np.array(self.a)), b=matrix(np.array(self.b, dtype=float)))
        return kw

    def solve(self):
        kw = self.kwargs()
        self.uncertified = None
        status = "unsolved"
        for abstol, reltol, feastol, refinement in self.tolerances:
            solvers.options.update(abstol=abstol, reltol=reltol, feastol=feastol, refinement=refinement,
                                   maxiters=100)
            self.used = reltol
            try:
                sol = solvers.sdp(matrix(self.c), **kw)
            except (ArithmeticError, ValueError):
                continue
            status = sol["status"]
            if status == "optimal":
                return status, np.array(sol["x"]).flatten()
            if status in ("primal infeasible", "dual infeasible"):
                break
        if status == "unknown":
            return self.stopped_early()
        return status, None

    def stopped_early(self):
        """Last resort when cvxopt stalls at the end (its dual residual stagnates near 1e-7 and then
        diverges; seen on SDR cases with SINRs of 2e4-4e5 and 1 % power headroom): the same program
        stopped after 10, 12, ..., 60 iterations at cvxopt's default tolerances, keeping the iterate
        with relative gap <= 1e-5, primal residual <= 1e-8 and dual residual <= 1e-6 and the smallest
        gap. Status "optimal" with self.uncertified = (gap, primal, dual) residuals; else "unknown"."""
        kw = self.kwargs()
        best = None
        for iters in range(10, 61, 2):
            solvers.options.update(abstol=1e-7, reltol=1e-6, feastol=1e-7, refinement=3, maxiters=iters)
            try:
                sol = solvers.sdp(matrix(self.c), **kw)
            except (ArithmeticError, ValueError):
                continue
            gap, pres, dres = sol["relative gap"], sol["primal infeasibility"], sol["dual infeasibility"]
            if gap is None or pres is None or dres is None:
                continue
            if gap <= 1e-5 and pres <= 1e-8 and dres <= 1e-6 and (best is None or gap < best[0][0]):
                best = ((gap, pres, dres), np.array(sol["x"]).flatten())
            elif best is not None and (pres > 1e-6 or dres > 1e-4):
                break  # diverging past the best iterate
        if best is None:
            return "unknown", None
        self.uncertified = best[0]
        self.used = 1e-6
        return "optimal", best[1]


def orthobasis(vectors, n):
    m = np.column_stack([x / np.linalg.norm(x) for x in vectors if np.linalg.norm(x) > 0])
    u, sv, _ = np.linalg.svd(m, full_matrices=False)
    b = u[:, sv > 1e-10 * sv[0]]
    return b


def choose_basis(space, n, vectors):
    if space == "full":
        return np.eye(n, dtype=complex)
    return orthobasis(vectors, n)


def hermitian(x, basis):
    return sum(x[i] * basis[i] for i in range(len(basis)))


# ---------------------------------------------------------------------------------------------
# Paper 004: (P1) crb-min-sdr, (P2) illumination-maxmin-sdr, (P3) echo-maxmin-sdr

def users_sinr(scene):
    """(c_u, Gamma_u, noise_u) per user; Gamma = 0 without min_rate_bps_hz."""
    out = []
    for i, u in enumerate(scene.users):
        c = scene.channel(u, "users[%d]" % i)
        rate = u.get("min_rate_bps_hz")
        gamma = 2.0 ** float(rate) - 1 if rate is not None else 0.0
        out.append((c, gamma, float(u["noise_w"])))
    return out


def min_power_for_sinr(users):
    """Smallest power that meets every SINR (W); None when none does, nan when undecided.

    Uplink-downlink duality of the MISO downlink power minimisation (the SDR is tight there):
    P_min = sum_u lambda_u sigma_u^2 with lambda the fixed point of
    lambda_u = Gamma_u / (h_u^H (I + sum_{j != u} lambda_j h_j h_j^H)^-1 h_u), h_u = c_u^* / sigma_u
    (the uplink MMSE SINR of user u equals Gamma_u; Yates' standard interference function).
    The iteration from lambda = 0 increases monotonically to the fixed point when it exists and
    diverges otherwise, so every iterate's sum is a lower bound on P_min."""
    active = [(np.conj(c), g, s) for c, g, s in users if g > 0]
    if not active:
        return 0.0
    if len(active) == 1:
        h, g, s = active[0]
        return g * s / np.vdot(h, h).real
    n = len(active[0][0])
    # scale: h -> h / sqrt(sigma), so that P_min = sum lambda_u
    hs = [h / math.sqrt(s) for h, _, s in active]
    lam = np.zeros(len(active))
    total = 0.0
    for _ in range(20000):
        new = np.zeros(len(hs))
        for u, (h, (_, g, _)) in enumerate(zip(hs, active)):
            m = np.eye(n, dtype=complex) + sum(lam[j] * np.outer(hs[j], hs[j].conj())
                                               for j in range(len(hs)) if j != u)
            new[u] = g / np.vdot(h, np.linalg.solve(m, h)).real
        old, total = total, float(np.sum(new))
        lam = new
        if not math.isfinite(total) or total > 1e30:
            return None
        if abs(total - old) <= 1e-14 * total:
            return total
    return total if abs(total - old) <= 1e-10 * total else float("nan")


def fim_pieces(scene):
    """Per FIM parameter i the derivative matrix dG/dxi_i (receive x transmit), common phase removed;
    order: per target (x, y[, z], Re beta, Im beta). Returns (list of matrices, coordinate indices)."""
    nc = scene.dim
    mats, coords = [], []
    for t in scene.targets:
        p = np.array(t["position_m"], float)
        # G_t = beta_t a(p_t) v(p_t)^T = beta_t e^{-2jk r_t} a' v'^T (primes: common phase removed);
        # the derivative of e^{-2jk r_t} lies along the gain directions, so it leaves the EFIM alone,
        # but the phase itself must stay: it sets the cross terms between targets
        beta = cplx(t.get("reflection", 0.0), "targets.reflection")
        beta *= np.exp(-2j * scene.k * np.linalg.norm(p - scene.o))
        v, dv = scene.response(scene.tx, p, common_phase=False)
        a, da = scene.response(scene.rx, p, common_phase=False)
        for i in range(nc):
            coords.append(len(mats))
            mats.append(beta * (np.outer(da[i], v) + np.outer(a, dv[i])))
        mats.append(np.outer(a, v))
        mats.append(1j * np.outer(a, v))
    return mats, coords


def design_004(scene, algorithm, space):
    n = len(scene.tx)
    if not scene.targets:
        raise Unsupported("targets: %s needs at least one target" % algorithm)
    users = users_sinr(scene)
    pmin = min_power_for_sinr(users)
    out = dict(min_power_w=pmin)
    if algorithm == "crb-min-sdr":
        if not scene.sensing or "noise_w" not in scene.sensing:
            raise Unsupported("sensing.noise_w: required with targets")
        ratio = efim_ratio(scene, np.eye(n) * scene.power / n)
        out["isotropic_efim_ratio"] = ratio
        if ratio <= 1e-10:  # SCENARIO.md: such a FIM counts as singular (no crb_position_sum_m2)
            out["status"] = "ill-posed"
            out["infeasible_too"] = pmin is None or pmin > scene.power * (1 + BORDER)
            return out
    if pmin is None or pmin > scene.power * (1 + BORDER):
        out["status"] = "infeasible"
        return out
    if math.isnan(pmin) or pmin > scene.power * (1 - BORDER):
        out["borderline"] = True
    tvs = []
    for t in scene.targets:
        v, dv = scene.response(scene.tx, np.array(t["position_m"], float), common_phase=False)
        tvs.append((np.conj(v), np.conj(dv)))
    vecs = [z for z, _ in tvs] + [np.conj(c) for c, _, _ in users]
    if algorithm == "crb-min-sdr":
        vecs += [dz[i] for _, dz in tvs for i in range(scene.dim)]
    b = choose_basis(space, n, vecs)
    d = b.shape[1]
    basis = herm_basis(d)
    nh = len(basis)
    nu = len(users)
    ntar = len(scene.targets)
    nextra = scene.dim * (scene.dim + 1) // 2 * ntar if algorithm == "crb-min-sdr" else 1
    tk = nh * (1 + nu)
    prog = Program(tk + nextra)
    # Y = R / P over the basis (variables 0..nh), W_u / P after it
    tr = coeffs(np.eye(d), basis)
    row = np.zeros(prog.n)
    row[:nh] = tr
    prog.le(row, 1.0)
    prog.psd(0, basis)
    for u in range(nu):
        prog.psd(nh * (1 + u), basis)
    if nu:  # R_d = Y - sum W_u >= 0
        cols = [(k, embed(e)) for k, e in enumerate(basis)]
        for u in range(nu):
            cols += [(nh * (1 + u) + k, -embed(e)) for k, e in enumerate(basis)]
        prog.lmi(cols, np.zeros((2 * d, 2 * d)))
    for u, (c, g, s) in enumerate(users):
        if g <= 0:
            continue
        # c^T W c^* (1 + 1/G) - c^T Y c^* >= s / P, with q = B^H c^* normalised
        q = b.conj().T @ np.conj(c)
        qq = np.vdot(q, q).real
        qc = coeffs(np.outer(q, q.conj()), basis) / qq
        row = np.zeros(prog.n)
        row[nh * (1 + u):nh * (2 + u)] = -(1 + 1 / g) * qc
        row[:nh] += qc
        # the row divided by n^SINR_ROW_EXPONENT, n = s / (P qq) = 1 / (the user's SNR at full power):
        # a residual e of the row is then a relative SINR error of about e n^(1 - exponent)
        nu = s / (scene.power * qq)
        k = nu ** -SINR_ROW_EXPONENT
        prog.le(row * k, -nu * k)
    if algorithm == "crb-min-sdr":
        if not scene.sensing or "noise_w" not in scene.sensing:
            raise Unsupported("sensing.noise_w: required with targets")
        mats, coords = fim_pieces(scene)
        cf = 2 * float(scene.sensing.get("snapshots", 1)) / float(scene.sensing["noise_w"]) * scene.power
        mb = np.array([m @ b for m in mats])
        stack = np.array(basis)
        kall = np.einsum("ima,jmb->ijab", mb.conj(), mb)
        lin = np.einsum("ijab,kba->ijk", kall, stack).real * cf  # F_ij(Y) = sum_k lin[i,j,k] x_k
        nf = len(mats)
        # congruence whitening by the FIM of the isotropic covariance, F_iso = L L^T:
        # e_k^T F^-1 e_k = g_k^T F'^-1 g_k with F' = L^-1 F L^-T (about I), g_k = L^-1 e_k; one
        # Schur LMI per target, [[F', G_t], [G_t^T, T_t]] >= 0 with T_t symmetric (dim x dim), so that
        # tr T_t >= its position CRB; objective sum_t tr T_t / s0, s0 the isotropic CRB sum
        f_iso = lin @ tr / d
        li = np.linalg.inv(np.linalg.cholesky(f_iso))
        scaled = np.einsum("ai,ijk,bj->abk", li, lin, li)
        g = li[:, coords]
        s0 = float(np.sum(g * g))
        g = g / math.sqrt(s0)  # T_t in units of s0: G_t and T_t of order one in the LMI
        dim = scene.dim
        tri = [(i, j) for i in range(dim) for j in range(i, dim)]
        for t in range(ntar):
            gt = g[:, dim * t:dim * (t + 1)]
            m = nf + dim
            cols = []
            for k in range(nh):
                fk = np.zeros((m, m))
                fk[:nf, :nf] = scaled[:, :, k]
                cols.append((k, fk))
            for q, (i, j) in enumerate(tri):
                e = np.zeros((m, m))
                e[nf + i, nf + j] = e[nf + j, nf + i] = 1
                cols.append((tk + len(tri) * t + q, e))
                if i == j:
                    prog.c[tk + len(tri) * t + q] = 1.0
            f00 = np.zeros((m, m))
            f00[:nf, nf:] = gt
            f00[nf:, :nf] = gt.T
            prog.lmi(cols, f00)
        x = solved(prog, out)
        if x is None:
            return out
        y = b @ hermitian(x[:nh], basis) @ b.conj().T * scene.power
        out["sdp_value"] = float(prog.c @ x * s0)
        out["objective"] = crb_sum(scene, y)
        out["objective_name"] = "crb_position_sum_m2"
    else:
        ws = []
        for t, (z, _) in zip(scene.targets, tvs):
            w = scene.power
            if algorithm == "echo-maxmin-sdr":
                beta = cplx(t.get("reflection", 0.0), "targets.reflection")
                a, _ = scene.response(scene.rx, np.array(t["position_m"], float))
                w *= abs(beta) ** 2 * np.vdot(a, a).real
            ws.append(w)
        scale = min(w * np.vdot(z, z).real for w, (z, _) in zip(ws, tvs)) / n
        if scale <= 0:
            raise Unsupported("targets: a target without echo (zero reflection)")
        for w, (z, _) in zip(ws, tvs):
            zb = b.conj().T @ z
            row = np.zeros(prog.n)
            # mu scale <= w z^H Y z, divided by w ||z||^2 (rows of order one; targets near the
            # array have ||z||^2 orders of magnitude above the far ones)
            zz = np.vdot(zb, zb).real
            row[:nh] = -coeffs(np.outer(zb, zb.conj()), basis) / zz
            row[tk] = scale / (w * zz)
            prog.le(row, 0)
        prog.c[tk] = -1
        x = solved(prog, out)
        if x is None:
            return out
        y = b @ hermitian(x[:nh], basis) @ b.conj().T * scene.power
        out["sdp_value"] = float(x[tk] * scale)
        out["objective"] = float(min(w / scene.power * np.vdot(z, y @ z).real for w, (z, _) in zip(ws, tvs)))
        out["objective_name"] = "min_illumination_w" if algorithm == "illumination-maxmin-sdr" else "min_echo_power_w"
    out["status"] = "optimal"
    out["power_w"] = float(np.trace(y).real)
    out["subspace_dim"] = d
    sinrs = {}
    for u, (c, g, s) in enumerate(users):
        wu = b @ hermitian(x[nh * (1 + u):nh * (2 + u)], basis) @ b.conj().T * scene.power
        sig = np.vdot(np.conj(c), wu @ np.conj(c)).real
        tot = np.vdot(np.conj(c), y @ np.conj(c)).real
        sinrs[scene.users[u]["id"]] = sig / (tot - sig + s)
    out["user_sinr"] = sinrs
    return out


def efim_ratio(scene, r):
    """lambda_min / lambda_max of the joint coordinate EFIM (gains as nuisance) for covariance r."""
    mats, coords = fim_pieces(scene)
    cf = 2 * float(scene.sensing.get("snapshots", 1)) / float(scene.sensing["noise_w"])
    nf = len(mats)
    f = np.array([[cf * np.trace(mats[i].conj().T @ mats[j] @ r).real for j in range(nf)] for i in range(nf)])
    nuis = [i for i in range(nf) if i not in coords]
    # Schur complement through a QR-free route: whiten the nuisance block first
    dn = 1 / np.sqrt(np.diag(f)[nuis])
    fnn = f[np.ix_(nuis, nuis)] * np.outer(dn, dn)
    fcn = f[np.ix_(coords, nuis)] * dn[None, :]
    e = f[np.ix_(coords, coords)] - fcn @ np.linalg.solve(fnn, fcn.T)
    w = np.linalg.eigvalsh((e + e.T) / 2)
    return float(w[0] / w[-1])


def crb_sum(scene, r):
    """Sum over targets of the position CRB for the transmit covariance r (W)."""
    mats, coords = fim_pieces(scene)
    cf = 2 * float(scene.sensing.get("snapshots", 1)) / float(scene.sensing["noise_w"])
    nf = len(mats)
    f = np.zeros((nf, nf))
    for i in range(nf):
        for j in range(i, nf):
            f[i, j] = f[j, i] = cf * np.trace(mats[i].conj().T @ mats[j] @ r).real
    dsc = 1 / np.sqrt(np.diag(f))
    inv = np.linalg.inv(f * np.outer(dsc, dsc)) * np.outer(dsc, dsc)
    return float(sum(inv[i, i] for i in coords))


# ---------------------------------------------------------------------------------------------
# Paper 001: an-secure-pcrb

def prior_terms(scene):
    """Per target with a prior: (Q, c, sigma): bound (24) = 1 / (c tr(Q R) + 1/sigma^2),
    Q = sum_k p_k rho(theta_k) z_k z_k^H, z_k = v(p(theta_k))^*."""
    out = []
    for i, t in enumerate(scene.targets):
        pr = t.get("prior")
        if not pr:
            continue
        if scene.dim != 2:
            raise Unsupported("targets[%d].prior: 2-D only" % i)
        r0, sig = float(pr["range_m"]), float(pr["sigma_rad"])
        beta = cplx(t.get("reflection", 0.0), "targets[%d].reflection" % i)
        c = 2 * float(scene.sensing.get("snapshots", 1)) * abs(beta) ** 2 / float(scene.sensing["noise_w"])
        n = len(scene.tx)
        q = np.zeros((n, n), complex)
        for th, p in zip(pr["angles_rad"], pr["probabilities"]):
            pos = scene.o + r0 * np.array([math.cos(th), math.sin(th), 0.0])
            dpos = r0 * np.array([-math.sin(th), math.cos(th), 0.0])
            a, da = scene.response(scene.rx, pos)
            dth = dpos @ da
            rho = np.vdot(dth, dth).real - abs(np.vdot(a, dth)) ** 2 / np.vdot(a, a).real
            z = np.conj(scene.response(scene.tx, pos)[0])
            q += float(p) * rho * np.outer(z, z.conj())
        out.append((q, c, sig, t["id"]))
    return out


def min_power_for_pcrb(priors, gmax):
    """Smallest tr R with every bound (24) <= gmax (0 when the prior alone meets it)."""
    need = [((1 / gmax - 1 / sig ** 2) / c, q) for q, c, sig, _ in priors]
    need = [(r, q) for r, q in need if r > 0]
    if not need:
        return 0.0
    if len(need) == 1:
        r, q = need[0]
        lmax = np.linalg.eigvalsh(q)[-1]
        return r / lmax if lmax > 0 else None
    n = need[0][1].shape[0]
    basis = herm_basis(n)
    prog = Program(len(basis))
    prog.c[:] = coeffs(np.eye(n), basis)
    prog.psd(0, basis)
    ref = max(r / np.linalg.eigvalsh(q)[-1] for r, q in need)
    for r, q in need:
        prog.le(-coeffs(q, basis) * ref / r, -1.0)
    status, x = prog.solve()
    if status == "primal infeasible":
        return None
    if status != "optimal":
        raise RuntimeError("PCRB power minimisation: cvxopt %s" % status)
    return float(prog.c @ x) * ref


def secure_problem(scene, space):
    if len(scene.users) != 1:
        raise Unsupported("users: an-secure-pcrb needs exactly one user (got %d)" % len(scene.users))
    if not scene.eves:
        raise Unsupported("eavesdroppers: an-secure-pcrb needs an eavesdropper or an eavesdropping target")
    gmax = scene.solver.get("pcrb_max_rad2")
    if gmax is None:
        raise Unsupported("solver.pcrb_max_rad2: required")
    gmax = float(gmax)
    if scene.solver.get("eve_sinr_level") is not None:
        raise Unsupported("solver.eve_sinr_level: not supported by the reference")
    priors = prior_terms(scene)
    if not priors:
        raise Unsupported("targets: an-secure-pcrb needs a target with a prior")
    n = len(scene.tx)
    u = scene.users[0]
    cu = scene.channel(u, "users[0]")
    hu = np.conj(cu) * math.sqrt(scene.power / float(u["noise_w"]))  # SINR_u = hu^H W hu / (hu^H V hu + 1)
    he = []
    for i, e in enumerate(scene.eves):
        ce = scene.channel(e, "eavesdroppers[%d]" % i)
        he.append(np.conj(ce) * math.sqrt(scene.power / float(e["noise_w"])))
    vecs = [hu] + he
    for q, _, _, _ in priors:
        w, vv = np.linalg.eigh(q)
        vecs += [vv[:, j] for j in range(n) if w[j] > 1e-12 * w[-1]]
    b = choose_basis(space, n, vecs)
    return dict(gmax=gmax, priors=priors, hu=hu, he=he, b=b, n=n)


def cc_sdp(pb, scene, gamma, tolerances=None):
    """cc_sdp_scaled with V' scaled by s_u^-1/2, then s_u^0 and s_u^-1 when cvxopt fails."""
    out = None
    for vexp in (0.5, 0.0, 1.0):
        out = cc_sdp_scaled(pb, scene, gamma, tolerances, vexp)
        if out[0] is not None:
            return out
    return out


def cc_sdp_scaled(pb, scene, gamma, tolerances=None, vexp=0.5):
    """f(gamma) and (W, V) in units of P: the Charnes-Cooper form of max SINR_u s.t. SINR_e <= gamma,

        max s_u u^H W' u  s.t.  s_u u^H V' u + t = 1,  s_e e^H W' e <= gamma (s_e e^H V' e + t),
            tr(W' + V') <= t,  tr(Q (W' + V')) >= req t,  W', V' >= 0,  t >= 0,

    (u, e unit vectors, s the SNRs at full power; W = W'/t, V = V'/t). Scaling: the user's SNR s_u
    reaches 1e9 in the fuzz cases, and with V' as the variable the equality mixes coefficients s_u and
    1 (cvxopt then returns false infeasibility certificates); the variable is V^ = s_u^vexp V'
    (vexp = 1/2: coefficients s_u^1/2 in the equality, s_u^-1/2 elsewhere)."""
    b = pb["b"]
    d = b.shape[1]
    basis = herm_basis(d)
    nh = len(basis)
    t = 2 * nh
    prog = Program(2 * nh + 1, tolerances)
    if gamma == 0:  # every eavesdropper nulled: W' = C Y C^H, C a basis of the complement of the e's
        e = np.column_stack([b.conj().T @ h for h in pb["he"]])
        u_, sv, _ = np.linalg.svd(e, full_matrices=True)
        rank = int(np.sum(sv > 1e-12 * sv[0])) if len(sv) else 0
        cw = u_[:, rank:]
        if cw.shape[1] == 0:
            return 0.0, np.zeros((pb["n"], pb["n"])), np.zeros((pb["n"], pb["n"])), "optimal"
        wbasis = [cw @ m @ cw.conj().T for m in herm_basis(cw.shape[1])]
        wbasis += [np.zeros((d, d))] * (nh - len(wbasis))  # unused coordinates, fixed at 0 below
        for k in range(len(herm_basis(cw.shape[1])), nh):
            row = np.zeros(prog.n)
            row[k] = 1
            prog.eq(row, 0)
    else:
        wbasis = basis
    hu = b.conj().T @ pb["hu"]
    su = np.vdot(hu, hu).real
    kv = su ** -vexp  # V' = kv V^
    huu = coeffs(np.outer(hu, hu.conj()), basis) / su
    prog.c[:nh] = -coeffs(np.outer(hu, hu.conj()), wbasis) / su  # max u^H W' u (f = s_u times it)
    row = np.zeros(prog.n)
    row[nh:2 * nh] = huu * su * kv
    row[t] = 1
    prog.eq(row, 1)
    for h in pb["he"]:
        he = b.conj().T @ h
        se = np.vdot(he, he).real
        if se == 0:
            continue
        if gamma == 0:
            continue
        ee = coeffs(np.outer(he, he.conj()), basis) / se
        row = np.zeros(prog.n)
        row[:nh] = ee
        row[nh:2 * nh] = -gamma * ee * kv
        row[t] = -gamma / se
        prog.le(row, 0)
    trc = coeffs(np.eye(d), basis)
    row = np.zeros(prog.n)
    row[:nh] = coeffs(np.eye(d), wbasis)
    row[nh:2 * nh] = trc * kv
    row[t] = -1
    prog.le(row, 0)  # tr(W' + V') <= t
    for q, c, sig, _ in pb["priors"]:
        req = (1 / pb["gmax"] - 1 / sig ** 2) / c / scene.power
        if req <= 0:
            continue
        qa = coeffs(b.conj().T @ q @ b, basis)
        scale = np.max(np.abs(qa))
        row = np.zeros(prog.n)
        row[:nh] = -coeffs(b.conj().T @ q @ b, wbasis) / scale
        row[nh:2 * nh] = -qa / scale * kv
        row[t] = req / scale
        prog.le(row, 0)  # tr(Q (W' + V')) >= req t
    row = np.zeros(prog.n)
    row[t] = -1
    prog.le(row, 0)
    if gamma == 0:
        prog.psd(0, herm_basis(cw.shape[1]))
    else:
        prog.psd(0, basis)
    prog.psd(nh, basis)
    status, x = prog.solve()
    if status != "optimal":
        return None, None, None, status
    w = b @ hermitian(x[:nh], wbasis) @ b.conj().T / x[t]
    v = b @ hermitian(x[nh:2 * nh], basis) @ b.conj().T * kv / x[t]
    f = np.vdot(pb["hu"], w @ pb["hu"]).real / (np.vdot(pb["hu"], v @ pb["hu"]).real + 1)
    return f, w, v, status


def psd_part(m):
    """The positive semidefinite part of a Hermitian matrix (negative eigenvalues set to zero)."""
    lam, vec = np.linalg.eigh((m + m.conj().T) / 2)
    return (vec * np.maximum(lam, 0.0)) @ vec.conj().T


def secrecy_of(pb, w, v):
    """Secrecy rate of (W, V) in units of P. cvxopt's W and V can be indefinite within its tolerances, and at
    a user SNR of 1e11 an eigenvalue of -1e-11 along h_u makes h_u^H V h_u + 1 negative (a math domain
    error on seed 19 --stress case 4): the rates are taken at their positive semidefinite parts, which a
    precoder realises."""
    w, v = psd_part(w), psd_part(v)
    hu = pb["hu"]
    su = np.vdot(hu, w @ hu).real / (np.vdot(hu, v @ hu).real + 1)
    se = max(np.vdot(h, w @ h).real / (np.vdot(h, v @ h).real + 1) for h in pb["he"])
    return math.log2(1 + su) - math.log2(1 + se), su, se


def design_001(scene, space):
    pb = secure_problem(scene, space)
    out = {}
    pmin = min_power_for_pcrb(pb["priors"], pb["gmax"])
    out["min_power_w"] = pmin
    if pmin is None or pmin > scene.power * (1 + BORDER):
        out["status"] = "infeasible"
        return out
    if pmin > scene.power * (1 - BORDER):
        out["borderline"] = True
    snr_u = np.vdot(pb["hu"], pb["hu"]).real
    cache = {}
    nsolve = [0]

    failures = []

    def s_of(lg):
        if lg not in cache:
            f, w, v, status = cc_sdp(pb, scene, math.exp(lg), SEARCH_TOLERANCES)
            nsolve[0] += 1
            if f is None:  # recorded; judged below only if it borders the optimum
                failures.append((math.exp(lg), status))
                cache[lg] = (-math.inf, None, None)
            else:
                cache[lg] = (secrecy_of(pb, w, v)[0], w, v)
        return cache[lg][0]

    # positive secrecy needs gamma < SNR_u; below gamma = 1e-8 s(gamma) changes by < 1e-8 bit/s/Hz;
    # grid 4 per decade, then golden section (to 1e-5 in ln gamma; s is flat at its maximum, so
    # the value is then good to ~1e-10) around the two best local maxima of the grid
    hi = math.log(snr_u) if snr_u > 0 else 0.0
    lo = min(math.log(1e-8), hi - 3)
    m = max(2, int(math.ceil((hi - lo) / math.log(10) * 4)))
    grid = [lo + (hi - lo) * i / m for i in range(m + 1)]
    vals = [s_of(g) for g in grid]
    peaks = [i for i in range(len(grid)) if vals[i] > -math.inf and (i == 0 or vals[i] >= vals[i - 1]) and
             (i == len(grid) - 1 or vals[i] >= vals[i + 1])]
    peaks = sorted(peaks, key=lambda i: -vals[i])[:2]
    if not peaks:
        out["status"] = "solver-failure"
        out["failures"] = failures[:5]
        return out
    phi = (math.sqrt(5) - 1) / 2
    for i in peaks:
        a, c = grid[max(0, i - 1)], grid[min(len(grid) - 1, i + 1)]
        x1, x2 = c - phi * (c - a), a + phi * (c - a)
        f1, f2 = s_of(x1), s_of(x2)
        while c - a > 1e-5:
            if f1 >= f2:
                c, x2, f2 = x2, x1, f1
                x1 = c - phi * (c - a)
                f1 = s_of(x1)
            else:
                a, x1, f1 = x1, x2, f2
                x2 = a + phi * (c - a)
                f2 = s_of(x2)
    # gamma = 0 (every eavesdropper nulled) on its own: the Charnes-Cooper SDP has no interior
    # there, so it is solved with W' in the complement of the eavesdroppers' channels
    f, w, v, status = cc_sdp(pb, scene, 0.0, SEARCH_TOLERANCES)
    nsolve[0] += 1
    cache[-math.inf] = (secrecy_of(pb, w, v)[0], w, v) if f is not None else (-math.inf, None, None)
    best = max(cache, key=lambda g: cache[g][0])
    val, w, v = cache[best]
    if val == -math.inf:
        out["status"] = "solver-failure"
        out["failures"] = failures[:5]
        return out
    f, w2, v2, status = cc_sdp(pb, scene, math.exp(best))  # the optimum at tight tolerances
    nsolve[0] += 1
    if f is not None:
        val2 = secrecy_of(pb, w2, v2)[0]
        if val2 >= val - 1e-9 * abs(val):
            val, w, v = val2, w2, v2
    out["status"] = "optimal"
    out["objective"] = max(0.0, float(val))
    out["objective_name"] = "min_secrecy_rate_bps_hz"
    out["gamma"] = math.exp(best)
    out["sdp_solves"] = nsolve[0]
    out["sdp_failures"] = len(failures)
    out["power_w"] = float(np.trace(w + v).real * scene.power)
    out["subspace_dim"] = pb["b"].shape[1]
    r = (w + v) * scene.power
    out["pcrb_upper_approx_rad2"] = {tid: float(1 / (c * np.trace(q @ r).real + 1 / sig ** 2))
                                     for q, c, sig, tid in pb["priors"]}
    return out


# ---------------------------------------------------------------------------------------------

def reference(doc, algorithm=None, space="auto"):
    scene = Scene(doc)
    algorithm = algorithm or scene.solver.get("algorithm")
    if algorithm not in ALGORITHMS:
        raise Unsupported("solver.algorithm: %s is not one of %s" % (algorithm, ", ".join(ALGORITHMS)))
    if doc.get("sensing_eavesdroppers"):
        raise Unsupported("sensing_eavesdroppers: not supported by the reference")
    t0 = time.perf_counter()
    if algorithm == "an-secure-pcrb":
        out = design_001(scene, space)
    else:
        out = design_004(scene, algorithm, space)
    out["algorithm"] = algorithm
    out["seconds"] = time.perf_counter() - t0
    return out


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("scenario")
    ap.add_argument("--algorithm")
    ap.add_argument("--space", default="auto", choices=("auto", "full", "reduced"))
    ap.add_argument("--check", metavar="EXPECTED.json",
                    help="compare with a golden expected file (status equal, objective within 1e-6); exit 1 if not")
    args = ap.parse_args(argv)
    try:
        with open(args.scenario, encoding="utf-8") as fh:
            doc = json.load(fh)
        out = reference(doc, args.algorithm, args.space)
    except Unsupported as e:
        print("solver_reference: %s: %s" % (args.scenario, e), file=sys.stderr)
        return 2
    except (KeyError, TypeError, ValueError) as e:
        print("solver_reference: %s: malformed scenario (%s: %s)" % (args.scenario, type(e).__name__, e),
              file=sys.stderr)
        return 2
    if args.check:
        with open(args.check, encoding="utf-8") as fh:
            exp = json.load(fh)
        ok = out["status"] == exp["status"]
        line = "solver_reference: %s: status %s (expected %s)" % (args.scenario, out["status"], exp["status"])
        if ok and exp.get("objective"):
            want = exp["objective"]["value"]
            rel = (out["objective"] - want) / abs(want)
            ok = abs(rel) <= 1e-6
            line += ", objective %.12g (expected %.12g, relative %+.2e)" % (out["objective"], want, rel)
        print(line + (" ok" if ok else " MISMATCH"))
        return 0 if ok else 1
    print(json.dumps(out, indent=1, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
