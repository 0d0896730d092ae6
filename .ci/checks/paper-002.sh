#!/usr/bin/env bash
# Paper 002: solve ssjb/slb on the golden paper-002 scene, a stochastic query exact + small
# Monte Carlo (an infinite metric is null; with python3, each output within 4.5 standard errors
# + 1e-6 relative of the exact value), and a rejected query exits 2 naming the field. Run from the
# repository root after `mvn package`.
set -euo pipefail

jar=target/fresnel.jar
test -s "$jar"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
golden=src/test/resources/golden/public/p002_ssjb_sensing_eve.scenario.json

# solve: the design ignores the scene's precoder; the default splits (ssjb tau 0.6, alpha 0.5;
# slb 0.5, 0.2, 0.2) are used
for a in ssjb slb; do
  java -jar "$jar" solve "$golden" --algorithm "$a" --out "$tmp/$a-solved.json" > "$tmp/$a-metrics.json"
  grep -q '"status" *: *"optimal"' "$tmp/$a-metrics.json"
  java -jar "$jar" eval "$tmp/$a-solved.json" > /dev/null
done
# the ssjb precoder reproduces the golden case's user SINR (0.04633117458202325)
grep -q '"sinr" *: *0.04633117' "$tmp/ssjb-metrics.json"

# stochastic: exact + Monte Carlo agree; alpha = 0 gives null CRBs
cat > "$tmp/query.json" <<'JSON'
{"format": "fresnel-p002-query/1", "scheme": "ssjb", "parameters": {"tau": 0.6, "alpha": 0.5},
 "tx_elements": 15, "rx_elements": 17, "seve_elements": 15, "transmit_power_w": 10.0, "snapshots": 30,
 "gains": {"user": 0.0316227766, "eve": 0.0316227766, "target": 0.0316227766, "bs_echo": 0.001, "seve_echo": 0.001},
 "noise_w": {"user": 1.0, "eve": 1.0, "target": 1.0, "bs": 1.0, "seve": 1.0},
 "delta_rad": 0.1, "crb_threshold_rad2": {"bs": 0.5, "seve_strong": 1.0, "seve_weak": 1000.0},
 "draws": 20000, "seed": 101}
JSON
sed 's/"ssjb"/"slb"/; s/"tau": 0.6, "alpha": 0.5/"tau1": 0.4, "tau2": 0.2, "tau3": 0.2/' "$tmp/query.json" > "$tmp/query-slb.json"
sed 's/"alpha": 0.5/"alpha": 0/' "$tmp/query.json" > "$tmp/query-dark.json"
for q in query query-slb query-dark; do
  java -jar "$jar" stochastic "$tmp/$q.json" --out "$tmp/$q-result.json"
done
grep -q '"ergodic_crb_bs_rad2" *: *null' "$tmp/query-dark-result.json"
grep -q '"format" *: *"fresnel-p002-result/1"' "$tmp/query-result.json"
if command -v python3 > /dev/null 2>&1; then
python3 - "$tmp" <<'PY'
import json, sys
keys = ["ergodic_rate_user_bps_hz", "ergodic_rate_eve_bps_hz", "ergodic_rate_target_bps_hz",
        "ergodic_secrecy_rate_bps_hz", "ergodic_secrecy_rate_target_bps_hz", "ergodic_crb_bs_rad2",
        "ergodic_crb_seve_strong_rad2", "ergodic_crb_seve_weak_rad2", "outage_crb_bs",
        "outage_crb_seve_strong", "outage_crb_seve_weak"]
for q in ("query", "query-slb"):
    r = json.load(open(sys.argv[1] + "/" + q + "-result.json"))
    assert r["format"] == "fresnel-p002-result/1"
    mc = r["monte_carlo"]
    for k in keys:
        exact, est, se = r[k], mc["values"][k], mc["standard_errors"][k]
        assert abs(exact - est) <= 4.5 * se + 1e-6 * abs(exact) + 1e-12, (q, k, exact, est, se)
dark = json.load(open(sys.argv[1] + "/query-dark-result.json"))
assert dark["ergodic_crb_bs_rad2"] is None and dark["ergodic_crb_seve_strong_rad2"] is None
assert dark["outage_crb_bs"] == 1.0
PY
else
  echo "paper-002: python3 not found, the Monte Carlo tolerance check is skipped" >&2
fi

# a rejected query: exit 2, one line naming the field, nothing written
sed 's/"tx_elements": 15/"tx_elements": 3/' "$tmp/query.json" > "$tmp/bad.json"
set +e
java -jar "$jar" stochastic "$tmp/bad.json" --out "$tmp/bad-result.json" 2> "$tmp/bad-err.txt"
status=$?
set -e
if [ "$status" -ne 2 ] || ! grep -q tx_elements "$tmp/bad-err.txt" || [ -e "$tmp/bad-result.json" ]; then
  echo "paper-002: a query with tx_elements 3 must exit 2 naming the field (got $status)" >&2
  cat "$tmp/bad-err.txt" >&2
  exit 1
fi
echo "ci: paper 002 (solve ssjb/slb, stochastic exact + Monte Carlo, rejection) checked"
