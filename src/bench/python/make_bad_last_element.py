#!/usr/bin/env python3
"""Writes the malformed scenario files of src/test/resources/golden/bad/ whose single defect sits in
the LAST row, block, column, node or candidate of its list (issue 18): a validation loop that stops
one short (`r < n - 1`) accepts them all. Each file is a small valid scenario (`base()` or
`base_partial()`, checked valid when --check-base is given) with exactly one edit.

Run from the repository root: python3 src/bench/python/make_bad_last_element.py
"""
import copy
import json
import os
import sys

OUT = os.path.join("src", "test", "resources", "golden", "bad")
SPACING = 0.00535343675  # lambda / 2 at 28 GHz


def base():
    """2-D, N = 4 digital ULA, two users (one with two scatterers), an eavesdropper, two targets (the
    second with a three-angle prior), two private streams."""
    return {
        "format": "fresnel-scenario/1",
        "name": "small valid base (last-element defects)",
        "dimension": 2,
        "carrier_frequency_hz": 28e9,
        "speed_of_light_m_s": 299792458.0,
        "propagation": {"phase": "exact", "amplitude": "unit"},
        "tx_array": {"positions_m": [[0, -1.5 * SPACING, 0], [0, -0.5 * SPACING, 0],
                                     [0, 0.5 * SPACING, 0], [0, 1.5 * SPACING, 0]]},
        "transmit_power_w": 1.0,
        "sensing": {"snapshots": 10, "noise_w": 1e-10},
        "users": [
            {"id": "u1", "position_m": [3.0, 0.5, 0.0], "noise_w": 1e-9},
            {"id": "u2", "position_m": [2.0, -1.0, 0.0], "noise_w": 1e-9,
             "scatterers": [{"position_m": [1.0, 1.0, 0.0], "gain": [0.1, 0.0]},
                            {"position_m": [1.5, -0.5, 0.0], "gain": [0.0, 0.2]}]},
        ],
        "eavesdroppers": [{"id": "e1", "position_m": [2.5, 0.0, 0.0], "noise_w": 1e-9}],
        "targets": [
            {"id": "t1", "position_m": [0.4, 0.1, 0.0], "reflection": [0.01, 0.0]},
            {"id": "t2", "position_m": [0.3, -0.2, 0.0], "reflection": [0.0, 0.02],
             "prior": {"angles_rad": [-0.7, -0.6, -0.5], "probabilities": [0.25, 0.5, 0.25],
                       "sigma_rad": 0.01, "range_m": 0.36}},
        ],
        "sensing_eavesdroppers": [],
        "precoder": {
            "streams": [{"role": "private", "user": "u1"}, {"role": "private", "user": "u2"}],
            "columns": [[[0.5, 0.0], [0.5, 0.0], [0.5, 0.0], [0.5, 0.0]],
                        [[0.0, 0.1], [-0.1, 0.0], [0.1, 0.0], [0.0, 0.1]]],
        },
    }


def base_partial():
    """The base with a partially connected hybrid precoder: N = 4, 2 RF chains of 2 antennas."""
    s = base()
    s["architecture"] = {"kind": "hybrid-partial", "rf_chains": 2}
    s["precoder"] = {
        "streams": [{"role": "private", "user": "u1"}, {"role": "private", "user": "u2"}],
        "F_A": [[[1.0, 0.0], [0.0, 1.0], [0.0, 0.0], [0.0, 0.0]],
                [[0.0, 0.0], [0.0, 0.0], [-1.0, 0.0], [0.0, -1.0]]],
        "F_D": [[[0.3, 0.0], [0.2, 0.1]], [[0.1, -0.2], [0.3, 0.0]]],
    }
    return s


def cases():
    """(file name, README line, scenario) for every defect."""
    out = []

    s = base_partial()
    s["precoder"]["F_A"][0][3] = [0.0, 1.0]  # last antenna belongs to chain 1
    out.append(("partial_last_antenna_outside_block.json",
                "hybrid-partial: F_A[0][3], the LAST antenna, is nonzero but belongs to RF chain 1's block", s))

    s = base_partial()
    s["precoder"]["F_A"][1][3] = [0.0, -0.5]
    out.append(("partial_last_antenna_not_unit.json",
                "hybrid-partial: F_A[1][3], the last antenna of the last chain, has modulus 0.5", s))

    s = base_partial()
    s["precoder"]["F_D"][1] = s["precoder"]["F_D"][1][:1]
    out.append(("last_fd_column_short.json",
                "the last F_D column has 1 entry for 2 RF chains", s))

    s = base()
    s["precoder"]["columns"][1] = s["precoder"]["columns"][1][:3]
    out.append(("last_column_short.json", "the last precoder column has 3 entries for N = 4", s))

    s = base()
    s["precoder"]["streams"][1]["user"] = "u9"
    out.append(("last_stream_unknown_user.json", "the last stream is private for \"u9\", not a user", s))

    s = base()
    s["tx_array"]["positions_m"][3][2] = 0.001
    out.append(("last_element_z_in_2d.json", "the last explicit transmit element has z = 0.001 in 2-D", s))

    s = base()
    s["users"][1]["noise_w"] = 0.0
    out.append(("last_user_zero_noise.json", "the last user's noise_w is 0", s))

    s = base()
    del s["users"][1]["scatterers"][1]["gain"]
    out.append(("last_scatterer_without_gain.json", "the last scatterer of the last user has no gain", s))

    s = base()
    del s["targets"][1]["reflection"]
    out.append(("last_target_without_reflection.json", "the last target has no reflection", s))

    s = base()
    s["targets"][1]["prior"]["probabilities"] = [0.25, 0.8, -0.05]
    out.append(("last_prior_probability_negative.json",
                "the last prior candidate has probability -0.05 (the list still sums to 1)", s))

    s = base()
    s["eavesdroppers"].append({"id": "u1", "position_m": [2.0, 2.0, 0.0], "noise_w": 1e-9})
    out.append(("last_eavesdropper_duplicate_id.json",
                "the last eavesdropper reuses the id \"u1\" of the first user", s))
    return out


def main():
    if "--check-base" in sys.argv:
        for name, s in (("base", base()), ("base_partial", base_partial())):
            with open(os.path.join("/tmp", "fresnel_" + name + ".json"), "w") as f:
                json.dump(s, f, indent=1)
        print("wrote /tmp/fresnel_base.json and /tmp/fresnel_base_partial.json (both must be accepted)")
        return
    for name, line, s in cases():
        with open(os.path.join(OUT, name), "w") as f:
            json.dump(copy.deepcopy(s), f, indent=1)
            f.write("\n")
        print("| `%s` | %s |" % (name, line))


if __name__ == "__main__":
    main()
