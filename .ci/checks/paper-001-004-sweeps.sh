#!/usr/bin/env bash
# Papers 001 and 004 from the command line against an independent reference: a few points of
# `sweep --paper 001 --figure 2|4` and `sweep --paper 004 --figure 3|6` are recomputed by
# src/bench/python/paper_001_004_sweeps.py (NumPy + cvxopt, its own formulations; see
# docs/sweeps.md) and compared (relative 1e-5; the no-AN benchmark as at most its SDR bound; an
# infeasible reference point must be uncounted in the sweep). Installs python3-numpy and
# python3-cvxopt when they are missing (as root), else fails. About a minute on a quiet machine.
set -euo pipefail
cd "$(dirname "$0")/../.."

. .ci/install.sh
py=/usr/bin/python3
ci_need_cvxopt paper-001-004-sweeps
"$py" -c 'import numpy, cvxopt'

test -s target/fresnel.jar || mvn -B -q package -DskipTests
jar=target/fresnel.jar
ref=src/bench/python/paper_001_004_sweeps.py
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

sweep() {  # name, then the sweep's options
  local name=$1
  shift
  if ! java -jar "$jar" sweep "$@" --threads 2 --out "$tmp/$name" > "$tmp/$name.log" 2>&1; then
    echo "paper-001-004-sweeps: sweep $* failed" >&2
    cat "$tmp/$name.log" >&2
    exit 1
  fi
}

sweep p001-fig2 --paper 001 --figure 2 --points 0.01,0.1,1
"$py" "$ref" p001-fig2 7e-6,1e-5,2.68e-5 0.01,0.1,1 > "$tmp/ref-p001-fig2.csv"
"$py" "$ref" compare "$tmp/ref-p001-fig2.csv" "$tmp/p001-fig2/fig2.csv" 1e-5

sweep p001-fig4 --paper 001 --figure 4 --points 1e-5,6e-5
"$py" "$ref" p001-fig4 1e-5,6e-5 > "$tmp/ref-p001-fig4.csv"
"$py" "$ref" compare "$tmp/ref-p001-fig4.csv" "$tmp/p001-fig4/fig4.csv" 1e-5

d="0,0.0107068735,0.042827494"  # d = 0, D/(4 sqrt 2), D/sqrt 2 for the 8 x 8 arrays
sweep p004-fig3 --paper 004 --figure 3 --points "$d"
"$py" "$ref" p004-fig3 8 "$d" > "$tmp/ref-p004-fig3.csv"
"$py" "$ref" compare "$tmp/ref-p004-fig3.csv" "$tmp/p004-fig3/fig3.csv" 1e-5

sweep p004-fig6 --paper 004 --figure 6 --points 0,30
"$py" "$ref" p004-fig6 4 24 0,30 > "$tmp/ref-p004-fig6.csv"
"$py" "$ref" compare "$tmp/ref-p004-fig6.csv" "$tmp/p004-fig6/fig6.csv" 1e-5

echo "paper-001-004-sweeps: papers 001 and 004 agree with the cvxopt reference"
