#!/usr/bin/python3
"""Variants beyond solver_fuzz.py's draws: a fuzz case with one feature changed, judged the same way.

solver_fuzz.py's draws stay fixed (seeds are reproducible), so the features it never draws are added here by
perturbing its cases (plain draws of the same seed and index): for crb-min-sdr, illumination-maxmin-sdr and
echo-maxmin-sdr
  low_gamma     every user's required SINR 1e-3 .. 1 (rates well below 1 bit/s/Hz);
  three_users   a third (and second) user, SINR 1 .. 1e4 with 5-20 dB of headroom;
  high_sinr     the first user needs SINR 1e6 .. 3e7 with 3-15 dB of headroom;
  power_scale   power and every noise times 1e-5, 1e-3 or 1e2 (same SNRs, other units);
  two_tight     two users needing SINR 1e5 .. 1e7 with 0.2-1.6 dB of headroom each;
  weak_target   the last target's reflection times 1e-5 .. 1e-3;
for an-secure-pcrb
  sec_tiny_sigma  prior sigma 3e-6 .. 1e-4 rad (PCRB thresholds near 1e-10 rad^2), a stronger reflection,
                  the threshold from 0.9 times the smallest achievable bound to 1.5 sigma^2;
  sec_strong_eve  every eavesdropper's noise times 1e-4 .. 1e-1;
  sec_user_snr    user path loss 10-25 dB (user SNRs up to ~1e12);
  power_scale     as above.
Each variant: solver_reference.py's status and optimum, `solve`, `eval` and the reference's re-evaluation
(solver_fuzz.judge). Names: var_<alg>_<variant>_s<seed>_<index>. Exit 1 on any mismatch.

Usage: solver_variants.py [--seed S] [--cases K] [--jar target/fresnel.jar] [--keep DIR] [--only NAME]
"""
import argparse
import json
import math
import os
import sys
import tempfile

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import solver_fuzz as fz  # noqa: E402
import solver_reference as ref  # noqa: E402


def _add_users(doc, rng, count):
    scene = ref.Scene(dict(doc, targets=[], users=[]))
    while len(doc["users"]) < count:
        u = dict(doc["users"][-1])
        u["id"] = "u%d" % (len(doc["users"]) + 1)
        u.pop("gain", None)
        u["position_m"] = fz.node_position(rng, doc, scene.tx, doc["dimension"] == 3)
        c = scene.channel(u, "users")
        g = 10 ** rng.uniform(0, 4)
        u["noise_w"] = float(doc["transmit_power_w"] * np.vdot(c, c).real / (g * 10 ** rng.uniform(0.5, 2)))
        u["min_rate_bps_hz"] = math.log2(1 + g)
        doc["users"].append(u)
    return doc


def _require(doc, u, gamma, headroom_db):
    """User u needs SINR gamma; its noise puts full power at headroom_db above it."""
    c = ref.Scene(dict(doc, targets=[], users=[])).channel(u, "users")
    u["noise_w"] = float(doc["transmit_power_w"] * np.vdot(c, c).real / (gamma * 10 ** (headroom_db / 10)))
    u["min_rate_bps_hz"] = math.log2(1 + gamma)


def low_gamma(doc, rng):
    for u in doc["users"]:
        u["min_rate_bps_hz"] = math.log2(1 + 10 ** rng.uniform(-3, 0))
    return doc


def three_users(doc, rng):
    return _add_users(doc, rng, 3)


def high_sinr(doc, rng):
    _require(doc, doc["users"][0], 10 ** rng.uniform(6, 7.5), rng.uniform(3, 15))
    return doc


def power_scale(doc, rng):
    s = 10.0 ** rng.choice([-5, -3, 2])
    doc["transmit_power_w"] *= s
    doc["sensing"]["noise_w"] *= s
    for node in doc["users"] + doc.get("eavesdroppers", []) + doc.get("targets", []):
        if "noise_w" in node:
            node["noise_w"] *= s
    return doc


def two_tight(doc, rng):
    doc = _add_users(doc, rng, 2)
    doc["users"] = doc["users"][:2]
    for u in doc["users"]:
        _require(doc, u, 10 ** rng.uniform(5, 7), rng.uniform(0.2, 1.6))
    return doc


def weak_target(doc, rng):
    t = doc["targets"][-1]
    t["reflection"] = fz.cx(complex(*t["reflection"]) * 10 ** rng.uniform(-5, -3))
    return doc


def sec_tiny_sigma(doc, rng):
    t = doc["targets"][0]
    t["prior"]["sigma_rad"] = 10 ** rng.uniform(-5.5, -4)
    t["reflection"] = fz.cx(complex(*t["reflection"]) * 10 ** rng.uniform(0, 2))
    scene = ref.Scene(doc)
    q, c, sig, _ = ref.prior_terms(scene)[0]
    bmin = 1 / (c * scene.power * np.linalg.eigvalsh(q)[-1] + 1 / sig ** 2)
    doc["solver"]["pcrb_max_rad2"] = fz.log_uniform(rng, bmin * 0.9, 1.5 * sig ** 2)
    return doc


def sec_strong_eve(doc, rng):
    for e in doc["eavesdroppers"]:
        e["noise_w"] *= 10 ** rng.uniform(-4, -1)
    return doc


def sec_user_snr(doc, rng):
    doc["users"][0]["gain"] = fz.cx(10 ** (-rng.uniform(10, 25) / 20) + 0j)
    return doc


V004 = [low_gamma, three_users, high_sinr, power_scale, two_tight, weak_target]
V001 = [sec_tiny_sigma, sec_strong_eve, sec_user_snr, power_scale]
SHORT = {"crb-min-sdr": "crb", "illumination-maxmin-sdr": "illum", "an-secure-pcrb": "secure",
         "echo-maxmin-sdr": "echo"}


def variants(seed, cases):
    for alg in fz.ALGS:
        vs = V001 if alg == "an-secure-pcrb" else V004
        for i in range(cases):
            for k, v in enumerate(vs):
                name = "var_%s_%s_s%d_%d" % (SHORT[alg], v.__name__, seed, i)
                rng = np.random.default_rng([seed, i, k, 99])
                yield name, v(fz.generate(seed, alg, i, False), rng)


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=20)
    ap.add_argument("--cases", type=int, default=2, help="base cases per algorithm (each gets every variant)")
    ap.add_argument("--jar", default="target/fresnel.jar")
    ap.add_argument("--rtol", type=float, default=1e-4)
    ap.add_argument("--timeout", type=float, default=300)
    ap.add_argument("--ref-timeout", type=float, default=600)
    ap.add_argument("--keep", help="write every variant's scenario to this folder")
    ap.add_argument("--only", help="one variant by name")
    args = ap.parse_args(argv)
    if not os.path.exists(args.jar):
        sys.exit("solver_variants: %s missing (mvn -B -q -DskipTests package)" % args.jar)
    if args.keep:
        os.makedirs(args.keep, exist_ok=True)
    bad = undecided = total = 0
    with tempfile.TemporaryDirectory() as work:
        for name, doc in variants(args.seed, args.cases):
            if args.only and args.only != name:
                continue
            doc["name"] = name
            if args.keep:
                with open(os.path.join(args.keep, name + ".scenario.json"), "w", encoding="utf-8") as fh:
                    json.dump(doc, fh, indent=1)
            row = fz.judge(doc, args.jar, work, args.rtol, args.timeout, args.ref_timeout)
            total += 1
            bad += bool(row["problems"])
            undecided += "undecided" in row
            print("%-40s %-22s %-15s %-15s %-15s %-9s %6.2f %6.2f%s%s" % (
                name, row["ref_status"][:22], fz.fmt(row["ref_objective"]), row["fresnel_status"][:15],
                fz.fmt(row["fresnel_objective"]), "%+.1e" % row["rel_diff"] if "rel_diff" in row else "-",
                row["ref_seconds"], row["solve_seconds"],
                "  MISMATCH: " + " | ".join(row["problems"]) if row["problems"] else "",
                "  UNDECIDED: " + row["undecided"] if "undecided" in row else ""), flush=True)
    print("solver_variants: seed %d, %d variants, %d mismatches, %d undecided" % (args.seed, total, bad, undecided))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
