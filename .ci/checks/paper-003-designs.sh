#!/usr/bin/env bash
# Paper 003 designs through the CLI: the preset designs with speb-min-hybrid (feasible, written
# F_A/F_D re-read and re-evaluated), unreachable rates are "infeasible", bad architectures exit 2.
set -euo pipefail
jar=target/fresnel.jar
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
preset=resources/presets/paper-003-speb.json

java -jar "$jar" solve "$preset" --out "$tmp/solved.json" > "$tmp/solve.txt"
grep -Eq '"status" *: *"(converged|iteration-limit)"' "$tmp/solve.txt" || { cat "$tmp/solve.txt"; echo "speb-min-hybrid did not converge"; exit 1; }
grep -q '"F_A"' "$tmp/solved.json" || { echo "no F_A written"; exit 1; }
java -jar "$jar" eval "$tmp/solved.json" > "$tmp/eval.txt"
grep -q '"speb_m2"' "$tmp/eval.txt" || { echo "re-evaluation has no speb_m2"; exit 1; }

sed 's/"min_rate_bps_hz": 5.0/"min_rate_bps_hz": 60.0/' "$preset" > "$tmp/infeasible.json"
java -jar "$jar" solve "$tmp/infeasible.json" > "$tmp/inf.txt" 2> "$tmp/inf.err"
grep -Eq '"status" *: *"infeasible"' "$tmp/inf.txt" || { cat "$tmp/inf.txt"; echo "unreachable rates not infeasible"; exit 1; }

sed 's/"rf_chains": 4/"rf_chains": 3/' "$preset" > "$tmp/bad.json"
set +e
java -jar "$jar" solve "$tmp/bad.json" > /dev/null 2> "$tmp/bad.err"
code=$?
set -e
[ "$code" -eq 2 ] || { echo "N not divisible by rf_chains: exit $code, expected 2"; exit 1; }
grep -q "rf_chains" "$tmp/bad.err" || { cat "$tmp/bad.err"; echo "message does not name rf_chains"; exit 1; }
echo "paper-003 designs: preset converged, infeasible and bad input reported"
