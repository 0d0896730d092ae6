#!/usr/bin/env bash
# Figure export end to end with the shaded jar (docs/figures.md): render writes SVG, PDF and PNG
# by extension, each with its data CSV beside it equal to `render --csv` on the same grid; the SVG
# parses as XML with the axis labels as <text> and the scenario's SHA-256 in its metadata; the PDF
# carries the SHA-256 in its document information; an absurd --dpi or a missing folder exits 2
# and writes nothing. Run from the repository root after `mvn package`.
set -euo pipefail

jar=target/fresnel.jar
test -s "$jar"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
scenario=docs/examples/rsma-small.json
grid=(--layer beampattern --grid 60x40 --extent 0.5,8,-4,4)

java -jar "$jar" render "$scenario" "${grid[@]}" --out "$tmp/ref.png" --csv "$tmp/ref.csv" > /dev/null
java -jar "$jar" render "$scenario" "${grid[@]}" --out "$tmp/map.svg" > /dev/null
java -jar "$jar" render "$scenario" "${grid[@]}" --out "$tmp/fig.pdf" --size 1500x1000 --dpi 300 > /dev/null
cmp "$tmp/ref.csv" "$tmp/map.csv" || { echo "figures: the SVG's CSV differs from render --csv" >&2; exit 1; }
cmp "$tmp/ref.csv" "$tmp/fig.csv" || { echo "figures: the PDF's CSV differs from render --csv" >&2; exit 1; }
sha="$(sha256sum "$scenario" | cut -d' ' -f1)"
python3 - "$tmp/map.svg" "$sha" <<'PY'
import sys
import xml.etree.ElementTree as ET
svg = "{http://www.w3.org/2000/svg}"
root = ET.parse(sys.argv[1]).getroot()
texts = [t.text for t in root.iter(svg + "text")]
for label in ("x (m)", "y (m)", "Beampattern (dBm)"):
    if label not in texts:
        sys.exit("figures: the SVG has no <text> " + label + ": " + repr(texts[:20]))
shas = [e.text for e in root.iter("{urn:fresnel:figure:1}scenarioSha256")]
if shas != [sys.argv[2]]:
    sys.exit("figures: the SVG's scenario SHA-256 is " + repr(shas) + ", not the file's " + sys.argv[2])
PY
head -c 5 "$tmp/fig.pdf" | grep -q '%PDF-' || { echo "figures: fig.pdf is not a PDF" >&2; exit 1; }
grep -aq "$sha" "$tmp/fig.pdf" || { echo "figures: the PDF does not carry the scenario's SHA-256" >&2; exit 1; }

for bad in "--dpi 100000" "--size 10x10"; do
  status=0
  # shellcheck disable=SC2086
  java -jar "$jar" render "$scenario" "${grid[@]}" --out "$tmp/bad.pdf" $bad > /dev/null 2> "$tmp/err.txt" || status=$?
  if [ "$status" -ne 2 ] || ! grep -q -- "${bad%% *}" "$tmp/err.txt" || [ -e "$tmp/bad.pdf" ] || [ -e "$tmp/bad.csv" ]; then
    echo "figures: render $bad: expected exit 2 naming the option and no file, got $status: $(cat "$tmp/err.txt")" >&2
    exit 1
  fi
done
status=0
java -jar "$jar" render "$scenario" "${grid[@]}" --out "$tmp/missing/x.svg" > /dev/null 2> "$tmp/err.txt" || status=$?
[ "$status" -eq 2 ] && grep -q "does not exist" "$tmp/err.txt" && [ ! -e "$tmp/missing" ] || {
  echo "figures: a missing folder: expected exit 2, got $status: $(cat "$tmp/err.txt")" >&2; exit 1; }
echo "figures: SVG, PDF and PNG with their CSV and provenance; bad outputs refused"
