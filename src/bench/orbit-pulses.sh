#!/usr/bin/env bash
# Frame times of the 3-D view while orbiting (docs/3d-view.md, "Orbit frame times"): opens a
# preset (default: paper 004's 48x48 illumination-maxmin-sdr) on the 3-D view under Xvfb with
# -Dprism.forceGPU=true and the JavaFX pulse logger, waits for the design and the full slice,
# drags the background with xdotool (80 moves of (6, 1) px, 30 ms apart) and prints the
# distribution of the pulse durations of that gesture. Extra arguments go to java (e.g.
# -Dfresnel.antialiasing=true). Needs xvfb, xdotool, libgl1-mesa-dri and target/fresnel.jar.
# Not a CI check: the numbers depend on the machine and its load (report `uptime` with them).
set -euo pipefail
cd "$(dirname "$0")/../.."
preset="${PRESET:-resources/presets/paper-004-elaa-illumination-maxmin-sdr.json}"
wait_s="${WAIT_S:-60}"
display=":$((90 + RANDOM % 9))"
log="$(mktemp /tmp/fresnel-orbit-XXXX.log)"
Xvfb "$display" -screen 0 1400x900x24 >/dev/null 2>&1 &
xvfb=$!
trap 'kill "$xvfb" 2>/dev/null || true' EXIT
sleep 2
export DISPLAY="$display"
java -Dprism.forceGPU=true -Djavafx.pulseLogger=true -Djavafx.pulseLogger.threshold=0 "$@" \
  -jar target/fresnel.jar "$preset" --view 3d >"$log" 2>&1 &
app=$!
sleep "$wait_s"
before=$(grep -c '^PULSE' "$log" || true)
xdotool mousemove 150 450 mousedown 1
for _ in $(seq 1 80); do xdotool mousemove_relative -- 6 1; sleep 0.03; done
xdotool mouseup 1
sleep 3
kill "$app" 2>/dev/null || true
uptime
grep '^PULSE' "$log" | tail -n +$((before + 1)) | sed 's/.*:\([0-9]*\)ms\].*/\1/' | sort -n \
  | awk '{a[NR] = $1} END {if (NR == 0) {print "no pulses logged"; exit 1}
         printf "%d pulses during the orbit: median %d ms, 90%% %d ms, max %d ms\n",
                NR, a[int(NR / 2) + 1], a[int(NR * 0.9) + 1], a[NR]}'
echo "pulse log: $log"
