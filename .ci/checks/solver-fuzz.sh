#!/usr/bin/env bash
# Randomised SDR cases against an independent cvxopt reference: three seeded variants per algorithm
# (crb-min-sdr, illumination-maxmin-sdr, an-secure-pcrb) of the golden solver cases go through
# `solve --out` and `eval`, and src/bench/python/solver_fuzz.py judges them as the golden solver
# README does (status; objective of the written precoder within 1e-4 of solver_reference.py's
# cvxopt optimum; power, SINR and PCRB constraints to 1e-6). Needs python3-numpy and
# python3-cvxopt, the packages paper-001-004-sweeps.sh installs (as root) when they are missing.
# About 30 s on a 2-core machine. See docs/solver-fuzz.md.
set -euo pipefail
cd "$(dirname "$0")/../.."

. .ci/install.sh
py=/usr/bin/python3
ci_need_cvxopt solver-fuzz

test -s target/fresnel.jar || mvn -B -q package -DskipTests
# the reference first reproduces the three public cases (status, optimum to 1e-6)
golden=src/test/resources/golden/solver
for c in p_solver_crb_2d_n8 p_solver_illum_2d_n12 p_solver_secure_paper001; do
  "$py" src/bench/python/solver_reference.py "$golden/$c.scenario.json" --check "$golden/$c.expected.json"
done
"$py" src/bench/python/solver_fuzz.py --seed 1 --cases 3 --jar target/fresnel.jar
