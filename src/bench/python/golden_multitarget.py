#!/usr/bin/env python3
"""Independent reference values for multi-target golden cases (issue 18, item 3).

Written from docs/scenario-format.md (sections 1-6) and the golden README's conventions only,
without the Java code or its numbers: array geometry, the one-way response
v_n(p) = A_n(p) exp(-j k D_n(p)) for the exact / fresnel / far-field phase and unit / spherical
amplitude, channel rows, SDMA SINRs and rates, illumination and echo power, the joint EFIM of all
target coordinates with every complex reflection as nuisance (projection onto the orthogonal
complement of the gain directions by a Householder QR, with the common phase removed, which
leaves the EFIM unchanged), the target's CRB block, its polar mapping about o (paper 000 eqs.
(19)-(20); ERRATA 000.7 for the known-other bounds generalised to several targets, paper 000
eqs. (23)-(24)), and in 3-D the coordinate CRBs (paper 004 eq. (22)).

Self-checks before anything is written: the analytic response gradients against 6th-order
central differences, and the EFIM against a textbook Schur complement of the full FIM (both to
1e-7 relative on these well-conditioned cases); the EFIM condition lambda_min/lambda_max is
printed and must be far above the 1e-10 singularity threshold.

Run from the repository root (numpy only):
    python3 src/bench/python/golden_multitarget.py
It (re)writes src/test/resources/golden/independent/<id>.scenario.json and <id>.expected.json.
"""
import json
import math
import os

import numpy as np

OUT = os.path.join("src", "test", "resources", "golden", "independent")
C0 = 299792458.0
SCRIPT = "src/bench/python/golden_multitarget.py"


# ----------------------------------------------------------------------------- geometry

def elements(arr):
    if "positions_m" in arr:
        return np.array(arr["positions_m"], dtype=float)
    if "ula" in arr:
        u = arr["ula"]
        n, d = u["elements"], u["spacing_m"]
        e = {"x": np.array([1.0, 0, 0]), "y": np.array([0, 1.0, 0]), "z": np.array([0, 0, 1.0])}[u["axis"]]
        if "center_m" in u:
            c = np.array(u["center_m"], dtype=float)
            return np.array([c + (i - (n - 1) / 2) * d * e for i in range(n)])
        f = np.array(u["first_element_m"], dtype=float)
        return np.array([f + i * d * e for i in range(n)])
    u = arr["upa"]
    nx, ny, d = u["elements_x"], u["elements_y"], u["spacing_m"]
    c = np.array(u["center_m"], dtype=float)
    return np.array([c + np.array([(i - (nx - 1) / 2) * d, (j - (ny - 1) / 2) * d, 0.0])
                     for i in range(nx) for j in range(ny)])


class Model:
    def __init__(self, sc):
        self.sc = sc
        self.lam = sc.get("speed_of_light_m_s", C0) / sc["carrier_frequency_hz"]
        self.k = 2 * math.pi / self.lam
        self.tx = elements(sc["tx_array"])
        self.rx = elements(sc["rx_array"]) if "rx_array" in sc else self.tx
        prop = sc["propagation"]
        self.phase = prop["phase"]
        self.amp = prop["amplitude"]
        self.o = np.array(prop["reference_m"], dtype=float) if "reference_m" in prop else self.tx.mean(axis=0)

    def response(self, els, p, common=True):
        """v(p) over the elements els (with or without the common phase exp(-j k |p - o|)) and its
        gradient dv/dp, shape (3, N)."""
        q = p - self.o
        r = np.linalg.norm(q)
        u = q / r
        s = els - self.o
        diff = p - els
        dist = np.linalg.norm(diff, axis=1)
        if self.phase == "exact":
            dd = dist
            grad = diff / dist[:, None]
        else:
            us = s @ u
            # d(u.s)/dp = (s - (u.s) u) / r
            dus = (s - us[:, None] * u[None, :]) / r
            if self.phase == "far-field":
                dd = r - us
                grad = u[None, :] - dus
            else:
                quad = (np.sum(s * s, axis=1) - us ** 2) / (2 * r)
                dd = r - us + quad
                # d quad/dp = (-2 (u.s) d(u.s)/dp) / (2 r) - quad u / r
                dquad = (-us[:, None] * dus) / r - (quad[:, None] * u[None, :]) / r
                grad = u[None, :] - dus + dquad
        if not common:
            dd = dd - r
            grad = grad - u[None, :]
        if self.amp == "unit":
            a = np.ones(len(els))
            da = np.zeros((len(els), 3))
        else:
            a = self.lam / (4 * math.pi * dist)
            da = -a[:, None] * diff / (dist ** 2)[:, None]
        v = a * np.exp(-1j * self.k * dd)
        dv = (da - 1j * self.k * a[:, None] * grad) * np.exp(-1j * self.k * dd)[:, None]
        return v, dv.T


def complex_value(x):
    if isinstance(x, list):
        return complex(x[0], x[1])
    return complex(x)


def precoder(sc):
    pre = sc["precoder"]
    cols = [np.array([complex_value(e) for e in col]) for col in pre["columns"]]
    return np.array(cols).T  # N x S


def channel(m, node):
    p = np.array(node["position_m"], dtype=float)
    if "channel" in node:
        return np.array([complex_value(e) for e in node["channel"]])
    if "gain" in node:
        g = complex_value(node["gain"])
    else:
        g = m.lam / (4 * math.pi * np.linalg.norm(p - m.o)) if m.amp == "unit" else 1.0
    c = g * m.response(m.tx, p)[0]
    for sct in node.get("scatterers", []):
        c = c + complex_value(sct["gain"]) * m.response(m.tx, np.array(sct["position_m"], dtype=float))[0]
    return c


# ----------------------------------------------------------------------------- metrics

def users(m, sc, P):
    streams = sc["precoder"]["streams"]
    out = {}
    for u in sc["users"]:
        idx = [i for i, s in enumerate(streams) if s["role"] == "private" and s.get("user") == u["id"]]
        if not idx:
            continue
        c = channel(m, u)
        g = np.abs(c @ P) ** 2
        i = idx[0]
        sinr = g[i] / (g.sum() - g[i] + u["noise_w"])
        out[u["id"]] = {"sinr": sinr, "rate_bps_hz": math.log2(1 + sinr)}
    return out


def target_columns(m, sc, P, dims):
    """Per target: gain column vec(a w^T) and derivative columns vec(beta' (da w^T + a dw^T)),
    common phase removed (beta' = beta exp(-2 j k r))."""
    gains, ders = [], []
    for t in sc["targets"]:
        p = np.array(t["position_m"], dtype=float)
        r = np.linalg.norm(p - m.o)
        beta = complex_value(t["reflection"]) * np.exp(-2j * m.k * r)
        v, dv = m.response(m.tx, p, common=False)
        a, da = m.response(m.rx, p, common=False)
        w = P.T @ v
        gains.append(np.outer(a, w).ravel())
        for c in range(dims):
            dw = P.T @ dv[c]
            ders.append((beta * (np.outer(da[c], w) + np.outer(a, dw))).ravel())
    return np.array(gains).T, np.array(ders).T


def project_out(gains, cols):
    q, _ = np.linalg.qr(gains)
    return cols - q @ (q.conj().T @ cols)


def gram(x, scale):
    return scale * np.real(x.conj().T @ x)


def targets_and_system(m, sc, P):
    dims = sc["dimension"]
    sens = sc["sensing"]
    scale = 2.0 * sens["snapshots"] / sens["noise_w"]
    K = len(sc["targets"])
    rx_x = P @ P.conj().T
    out = {}
    for t in sc["targets"]:
        p = np.array(t["position_m"], dtype=float)
        v = m.response(m.tx, p)[0]
        a = m.response(m.rx, p)[0]
        illum = float(np.real(v @ rx_x @ v.conj()))
        out[t["id"]] = {"illumination_w": illum,
                        "echo_power_w": abs(complex_value(t["reflection"])) ** 2 * float(np.sum(np.abs(a) ** 2)) * illum}
    gains, ders = target_columns(m, sc, P, dims)
    res = project_out(gains, ders)
    efim = gram(res, scale)
    ev = np.linalg.eigvalsh(efim)
    diag = {"efim_lambda_min_over_max": ev[0] / ev[-1]}
    assert ev[0] / ev[-1] > 1e-8, "too close to singular for a reference case: %g" % (ev[0] / ev[-1])
    # self-check: textbook Schur complement of the full FIM (coordinates, Re beta', Im beta')
    nuis = np.concatenate([gains * 0, gains * 0], axis=1)
    for i in range(K):
        nuis[:, i] = gains[:, i]
        nuis[:, K + i] = 1j * gains[:, i]
    full = gram(np.concatenate([ders, nuis], axis=1), scale)
    nc = K * dims
    schur = full[:nc, :nc] - full[:nc, nc:] @ np.linalg.solve(full[nc:, nc:], full[nc:, :nc])
    assert np.max(np.abs(schur - efim)) <= 1e-6 * np.max(np.abs(efim)), np.max(np.abs(schur - efim))
    crb = np.linalg.inv(efim)
    total = 0.0
    for ti, t in enumerate(sc["targets"]):
        blk = crb[ti * dims:(ti + 1) * dims, ti * dims:(ti + 1) * dims]
        o = out[t["id"]]
        if dims == 2:
            q = np.array(t["position_m"], dtype=float) - m.o
            r = math.hypot(q[0], q[1])
            th = math.atan2(q[1], q[0])
            jac = np.array([[-math.sin(th) / r, math.cos(th) / r], [math.cos(th), math.sin(th)]])
            polar = jac @ blk @ jac.T
            o["efim_m_minus2"] = np.linalg.inv(blk)
            o["speb_m2"] = float(np.trace(blk))
            o["peb_m"] = math.sqrt(o["speb_m2"])
            o["crb_angle_rad2"] = polar[0, 0]
            o["crb_range_m2"] = polar[1, 1]
            o["crb_angle_range_rad_m"] = polar[0, 1]
            total += o["speb_m2"]
        else:
            o["crb_x_m2"], o["crb_y_m2"], o["crb_z_m2"] = blk[0, 0], blk[1, 1], blk[2, 2]
            o["crb_position_m2"] = float(np.trace(blk))
            total += o["crb_position_m2"]
    if dims == 2:
        # known-other bounds: the reduced FIM of every target's angle (tangential) or range
        # (radial) derivative, per metre, after the gains; value [inverse]_tt (/ r_t^2 for angles)
        for angle in (True, False):
            cols = []
            for ti, t in enumerate(sc["targets"]):
                q = np.array(t["position_m"], dtype=float) - m.o
                th = math.atan2(q[1], q[0])
                e = np.array([-math.sin(th), math.cos(th)]) if angle else np.array([math.cos(th), math.sin(th)])
                cols.append(e[0] * res[:, 2 * ti] + e[1] * res[:, 2 * ti + 1])
            red = gram(np.array(cols).T, scale)
            rev = np.linalg.eigvalsh(red)
            key = "angle_only" if angle else "range_only"
            diag[key + "_efim_lambda_min_over_joint_lambda_max"] = rev[0] / ev[-1]
            assert rev[0] / ev[-1] > 1e-8, (key, rev[0] / ev[-1])
            inv = np.linalg.inv(red)
            for ti, t in enumerate(sc["targets"]):
                q = np.array(t["position_m"], dtype=float) - m.o
                r2 = q[0] ** 2 + q[1] ** 2
                if angle:
                    out[t["id"]]["crb_angle_known_range_rad2"] = inv[ti, ti] / r2
                else:
                    out[t["id"]]["crb_range_known_angle_m2"] = inv[ti, ti]
    return out, {"transmit_power_w": float(np.real(np.trace(rx_x))), "crb_position_sum_m2": total}, diag


def check_gradients(m, sc):
    """Analytic dv/dp against 6th-order central differences, both arrays, every target."""
    worst = 0.0
    h = 1e-5
    for t in sc["targets"]:
        p = np.array(t["position_m"], dtype=float)
        for els in (m.tx, m.rx):
            for common in (True, False):
                _, dv = m.response(els, p, common)
                for c in range(sc["dimension"]):
                    e = np.zeros(3)
                    e[c] = h
                    f = lambda s: m.response(els, p + s * e, common)[0]
                    fd = (45 * (f(1) - f(-1)) - 9 * (f(2) - f(-2)) + (f(3) - f(-3))) / (60 * h)
                    worst = max(worst, np.max(np.abs(fd - dv[c])) / np.max(np.abs(dv[c])))
    assert worst < 1e-7, worst
    return worst


# ----------------------------------------------------------------------------- output

def leaf(name, value, extra=None):
    if name in ("sinr",):
        return {"value": value, "rtol": 1e-6, "atol": 1e-12}
    if name == "rate_bps_hz":
        return {"value": value, "rtol": 1e-6, "atol": 1e-9}
    if name == "crb_angle_range_rad_m":
        return {"value": value, "rtol": 1e-6, "atol": 1e-7 * math.sqrt(extra[0] * extra[1])}
    if name == "efim_m_minus2":
        return {"value": [[float(x) for x in row] for row in value], "rtol": 1e-6,
                "atol": 1e-8 * math.sqrt(value[0][0] * value[1][1])}
    return {"value": float(value), "rtol": 1e-6, "atol": 0.0}


def expected(cid, description, sc):
    m = Model(sc)
    P = precoder(sc)
    gworst = check_gradients(m, sc)
    tg, system, diag = targets_and_system(m, sc, P)
    outs = {"users": {}, "eavesdroppers": {}, "targets": {}, "sensing_eavesdroppers": {}, "system": {}}
    for uid, vals in users(m, sc, P).items():
        outs["users"][uid] = {k: leaf(k, float(v)) for k, v in vals.items()}
    for tid, vals in tg.items():
        o = {}
        for k, v in vals.items():
            if k == "crb_angle_range_rad_m":
                o[k] = leaf(k, float(v), (vals["crb_angle_rad2"], vals["crb_range_m2"]))
            elif k == "efim_m_minus2":
                o[k] = leaf(k, v.tolist())
            else:
                o[k] = leaf(k, float(v))
        o["error"] = {"absent": True}
        if sc["dimension"] == 3:
            for k in ("speb_m2", "crb_angle_rad2", "crb_angle_known_range_rad2"):
                o[k] = {"absent": True}
        else:
            o["crb_position_m2"] = {"absent": True}
        outs["targets"][tid] = o
    outs["system"] = {k: leaf(k, v) for k, v in system.items()}
    diag["gradient_vs_finite_differences_max_rel"] = gworst
    return {"case": cid, "description": description,
            "generated_by": SCRIPT + " (independent NumPy evaluation of docs/scenario-format.md; not the Java code)",
            "outputs": outs, "diagnostics": {k: float(v) for k, v in diag.items()}}


def cases():
    lam28 = C0 / 28e9
    d = lam28 / 2
    out = []
    rng = np.random.default_rng(20261202)

    def rand_cols(n, s, scale):
        return [[[float(x), float(y)] for x, y in zip(scale * rng.standard_normal(n), scale * rng.standard_normal(n))]
                for _ in range(s)]

    # 2-D, three targets, exact phase, spherical amplitude, bistatic
    sc = {"format": "fresnel-scenario/1", "name": "independent: three targets, exact/spherical, bistatic (2-D)",
          "dimension": 2, "carrier_frequency_hz": 28e9,
          "propagation": {"phase": "exact", "amplitude": "spherical"},
          "tx_array": {"ula": {"elements": 8, "spacing_m": d, "axis": "y", "center_m": [0, 0, 0]}},
          "rx_array": {"ula": {"elements": 6, "spacing_m": d, "axis": "y", "center_m": [0, -0.05, 0]}},
          "transmit_power_w": 1.0, "sensing": {"snapshots": 16, "noise_w": 1e-13},
          "users": [{"id": "u1", "position_m": [1.2, 0.4, 0], "noise_w": 1e-12}],
          "eavesdroppers": [],
          "targets": [{"id": "t1", "position_m": [0.35, 0.12, 0], "reflection": [0.8, 0.3]},
                      {"id": "t2", "position_m": [0.30, -0.15, 0], "reflection": [0.5, -0.6]},
                      {"id": "t3", "position_m": [0.6, 0.02, 0], "reflection": [-0.4, 0.7]}],
          "sensing_eavesdroppers": [],
          "precoder": {"streams": [{"role": "private", "user": "u1"}, {"role": "sensing"}, {"role": "sensing"}],
                       "columns": rand_cols(8, 3, 0.2)}}
    out.append(("m2d_three_targets_exact_spherical",
                "2-D: N=8 Tx and 6-element Rx ULAs (28 GHz, lambda/2), exact phase, spherical amplitude; three "
                "targets within 0.7 m (joint EFIM, polar and known-other bounds), one user, random 3-column precoder", sc))

    # 2-D, two targets, fresnel / unit, monostatic, reference point away from the centroid
    sc = {"format": "fresnel-scenario/1", "name": "independent: two targets, fresnel/unit, off-centroid o (2-D)",
          "dimension": 2, "carrier_frequency_hz": 28e9,
          "propagation": {"phase": "fresnel", "amplitude": "unit", "reference_m": [0.01, 0.02, 0]},
          "tx_array": {"ula": {"elements": 12, "spacing_m": d, "axis": "y", "first_element_m": [0, -0.03, 0]}},
          "transmit_power_w": 1.0, "sensing": {"snapshots": 8, "noise_w": 1e-10},
          "users": [{"id": "u1", "position_m": [2.0, -0.5, 0], "noise_w": 1e-11, "gain": [0.001, 0.0005]},
                    {"id": "u2", "position_m": [1.5, 0.8, 0], "noise_w": 1e-11,
                     "scatterers": [{"position_m": [0.9, 0.1, 0], "gain": [0.0002, -0.0001]}]}],
          "eavesdroppers": [],
          "targets": [{"id": "t1", "position_m": [0.5, 0.2, 0], "reflection": [0.01, 0.002]},
                      {"id": "t2", "position_m": [0.8, -0.25, 0], "reflection": [-0.004, 0.009]}],
          "sensing_eavesdroppers": [],
          "precoder": {"streams": [{"role": "private", "user": "u1"}, {"role": "private", "user": "u2"},
                                   {"role": "artificial-noise"}],
                       "columns": rand_cols(12, 3, 0.15)}}
    out.append(("m2d_two_targets_fresnel_offset",
                "2-D: monostatic N=12 ULA from first_element_m, Fresnel phase, unit amplitude, reference point "
                "off the centroid; two targets, two users (explicit gain; scatterer), random 3-column precoder", sc))

    # 3-D, three targets, exact / spherical, UPA Tx and UPA Rx
    sc = {"format": "fresnel-scenario/1", "name": "independent: three targets, UPA pair (3-D)",
          "dimension": 3, "carrier_frequency_hz": 28e9,
          "propagation": {"phase": "exact", "amplitude": "spherical"},
          "tx_array": {"upa": {"elements_x": 4, "elements_y": 4, "spacing_m": d, "center_m": [0, 0, 0]}},
          "rx_array": {"upa": {"elements_x": 3, "elements_y": 3, "spacing_m": d, "center_m": [0.02, -0.01, 0.15]}},
          "transmit_power_w": 1.0, "sensing": {"snapshots": 10, "noise_w": 1e-13},
          "users": [{"id": "u1", "position_m": [0.3, 0.2, 0.8], "noise_w": 1e-12}],
          "eavesdroppers": [],
          "targets": [{"id": "t1", "position_m": [0.05, 0.03, 0.09], "reflection": [1.0, 0.2]},
                      {"id": "t2", "position_m": [-0.04, 0.06, 0.07], "reflection": [0.3, -0.9]},
                      {"id": "t3", "position_m": [0.02, -0.07, 0.11], "reflection": [-0.6, 0.5]}],
          "sensing_eavesdroppers": [],
          "precoder": {"streams": [{"role": "private", "user": "u1"}, {"role": "sensing"}, {"role": "sensing"},
                                   {"role": "sensing"}],
                       "columns": rand_cols(16, 4, 0.12)}}
    out.append(("m3d_three_targets_upa_exact",
                "3-D: 4x4 Tx UPA at z=0 and 3x3 Rx UPA at z=0.15 m (28 GHz, lambda/2), exact phase, spherical "
                "amplitude; three targets between the arrays (joint 9x9 EFIM), one user, random 4-column precoder", sc))

    # 3-D, two targets, fresnel / unit, x-axis ULA Tx with a UPA Rx
    sc = {"format": "fresnel-scenario/1", "name": "independent: two targets, ULA Tx and UPA Rx, fresnel (3-D)",
          "dimension": 3, "carrier_frequency_hz": 28e9,
          "propagation": {"phase": "fresnel", "amplitude": "unit"},
          "tx_array": {"ula": {"elements": 10, "spacing_m": d, "axis": "x", "center_m": [0, 0, 0]}},
          "rx_array": {"upa": {"elements_x": 4, "elements_y": 3, "spacing_m": d, "center_m": [0, 0.03, 0]}},
          "transmit_power_w": 1.0, "sensing": {"snapshots": 20, "noise_w": 1e-10},
          "users": [{"id": "u1", "position_m": [0.5, 1.0, 0.4], "noise_w": 1e-11}],
          "eavesdroppers": [],
          "targets": [{"id": "t1", "position_m": [0.1, 0.2, 0.35], "reflection": [0.02, 0.01]},
                      {"id": "t2", "position_m": [-0.15, 0.1, 0.3], "reflection": [-0.01, 0.015]}],
          "sensing_eavesdroppers": [],
          "precoder": {"streams": [{"role": "private", "user": "u1"}, {"role": "sensing"}, {"role": "sensing"}],
                       "columns": rand_cols(10, 3, 0.2)}}
    out.append(("m3d_two_targets_ula_upa_fresnel",
                "3-D: 10-element ULA along x transmits, a 4x3 UPA receives (28 GHz), Fresnel phase, unit amplitude; "
                "two targets (joint 6x6 EFIM), one user, random 3-column precoder", sc))
    return out


def main():
    os.makedirs(OUT, exist_ok=True)
    for cid, desc, sc in cases():
        exp = expected(cid, desc, sc)
        with open(os.path.join(OUT, cid + ".scenario.json"), "w") as f:
            json.dump(sc, f, indent=1)
            f.write("\n")
        with open(os.path.join(OUT, cid + ".expected.json"), "w") as f:
            json.dump(exp, f, indent=1)
            f.write("\n")
        print(cid, {k: "%.3g" % v for k, v in exp["diagnostics"].items()})


if __name__ == "__main__":
    main()
