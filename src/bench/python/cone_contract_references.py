#!/usr/bin/python3
"""Reference optima of the dumped cone programs of the solver contract suite
(src/test/resources/io/fresnel/optim/*.json, read by ConeSolverContract.dumpedProgram), solved with cvxopt.

A file holds one program as written by the cone solver's debug dump (system property
fresnel.optim.dump): c, the p x n equality rows A with b, the l linear rows Gl with right-hand sides h[:l],
then per PSD block its size m, its constant h (row-major m x m) and the coefficient matrices F_v of its
variables, the constraint being h_k + sum_v x_v F_v >= 0. The badly_scaled_* files were dumped as given to
the solver (before its equilibration) by
  java -Dfresnel.optim.dump=... -jar target/fresnel.jar solve src/test/resources/io/fresnel/optim/scenarios/<s>.json
(crb-min-sdr: upa4_sinr3.7e5 -> badly_scaled_crb_sdr_upa4_sinr3.7e5, ula8_pathloss100db ->
badly_scaled_crb_sdr_pathloss100db_sinr1e5) and, for the paper-001 preset's Charnes-Cooper SDP at gamma = 1e-10,
by SecrecySdp.solve(reduced problem of resources/presets/paper-001-prior.json, 1e-10, with AN).

Prints, per file, cvxopt's status, iterations and primal objective at its default tolerances (feastol 1e-7,
reltol 1e-6) and with tight ones (feastol 1e-9, reltol 1e-10, abstol 1e-12).

Usage: /usr/bin/python3 cone_contract_references.py FILE.json ...
"""
import json
import sys

import numpy as np
from cvxopt import matrix, solvers


def load(path):
    j = json.load(open(path))
    n, p, l = j["n"], j["p"], j["l"]
    h = np.array(j["h"], float)
    c = matrix(np.array(j["c"], float))
    gl = matrix(np.array(j["Gl"], float).reshape(l, n)) if l else None
    hl = matrix(h[:l]) if l else None
    gs, hs, off = [], [], l
    for b in j["blocks"]:
        m = b["m"]
        g = np.zeros((m * m, n))
        for v, f in zip(b["vars"], b["F"]):
            g[:, v] = -np.array(f).reshape(m, m).T.flatten()  # cvxopt: column-major, G x + s = h
        gs.append(matrix(g))
        hs.append(matrix(h[off:off + m * m].reshape(m, m).T.copy()))
        off += m * m
    kw = {}
    if p:
        kw["A"] = matrix(np.array(j["A"], float).reshape(p, n))
        kw["b"] = matrix(np.array(j["b"], float))
    return c, gl, hl, gs, hs, kw


def main(paths):
    import cvxopt
    print("cvxopt %s" % cvxopt.__version__)
    for path in paths:
        for name, opts in (("default", {}), ("tight", {"feastol": 1e-9, "reltol": 1e-10, "abstol": 1e-12})):
            solvers.options.clear()
            solvers.options.update({"show_progress": False, **opts})
            c, gl, hl, gs, hs, kw = load(path)
            s = solvers.sdp(c, Gl=gl, hl=hl, Gs=gs, hs=hs, **kw)
            print("%s [%s]: %s after %d iterations, primal objective %.11e, gap %.2e, residuals %.2e / %.2e"
                  % (path.split("/")[-1], name, s["status"], s["iterations"], s["primal objective"],
                     s["gap"] or 0, s["primal infeasibility"], s["dual infeasibility"]))


if __name__ == "__main__":
    main(sys.argv[1:])
