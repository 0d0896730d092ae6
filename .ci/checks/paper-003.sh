#!/usr/bin/env bash
# Paper 003 end to end in seconds: a seeded scene is written and evaluates; MUSIC localises its
# target with a few trials (JSON with rmse_m, bias_m, peb_m; a per-trial CSV; the same seed gives
# the same JSON); a one-point, one-draw sweep of Fig. 3 with speb-min-digital writes its CSVs and
# chart and counts its run; a bad option exits 2. Run from the repository root after `mvn package`.
set -euo pipefail

jar=target/fresnel.jar
test -s "$jar"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

java -jar "$jar" scene --paper 003 --seed 5 --elements 16 --algorithm speb-min-digital --out "$tmp/scene.json" > /dev/null
java -jar "$jar" eval "$tmp/scene.json" > /dev/null

java -jar "$jar" localize "$tmp/scene.json" --trials 5 --seed 2 --csv "$tmp/est.csv" > "$tmp/a.json" 2> /dev/null
java -jar "$jar" localize "$tmp/scene.json" --trials 5 --seed 2 > "$tmp/b.json" 2> /dev/null
for key in rmse_m bias_m peb_m; do
  grep -q "\"$key\"" "$tmp/a.json" || { echo "paper-003: localize printed no $key" >&2; exit 1; }
done
[ "$(wc -l < "$tmp/est.csv")" -eq 6 ] || { echo "paper-003: localize --csv: expected 5 trial rows" >&2; exit 1; }
diff <(grep -v '"seconds"' "$tmp/a.json") <(grep -v '"seconds"' "$tmp/b.json") > /dev/null \
  || { echo "paper-003: localize is not reproducible with a seed" >&2; exit 1; }

java -jar "$jar" sweep --paper 003 --figure 3 --schemes speb-min-digital --points 30 --draws 1 --threads 2 \
  --out "$tmp/sweep" > /dev/null 2>&1
for f in fig3.csv fig3-runs.csv fig3.png; do
  test -s "$tmp/sweep/$f" || { echo "paper-003: sweep did not write $f" >&2; exit 1; }
done
grep -q ',isac,1,1,' "$tmp/sweep/fig3.csv" \
  || { echo "paper-003: the speb-min-digital run of the sweep was not counted" >&2; cat "$tmp/sweep/fig3-runs.csv" >&2; exit 1; }

set +e
java -jar "$jar" localize "$tmp/scene.json" --trials 0 > /dev/null 2> "$tmp/err.txt"
status=$?
set -e
if [ "$status" -ne 2 ] || ! grep -q -- "--trials" "$tmp/err.txt"; then
  echo "paper-003: localize --trials 0: expected exit 2 naming --trials, got $status" >&2
  exit 1
fi
echo "paper-003: scene, localize and sweep checked"
