#!/usr/bin/env bash
# Frame times of the 3-D view while orbiting (docs/3d-view.md, "Orbit frame times"): opens a
# preset (default: paper 004's 48x48 illumination-maxmin-sdr) on the 3-D view under Xvfb with
# -Dprism.forceGPU=true and the JavaFX pulse logger, waits for the design and the full slice,
# drags the background with xdotool (80 moves of (6, 1) px, 30 ms apart) and prints the
# distribution of the pulse durations of that gesture. Extra arguments go to java (e.g.
# -Dfresnel.antialiasing=true). Needs xvfb, xdotool, libgl1-mesa-dri and target/fresnel.jar.
# Not a CI check: the numbers depend on the machine and its load (report `uptime` with them).
# Besides the pulse durations (wall time, which follows the load) it prints the CPU time per
# rendered frame of the java process (FX and render threads, llvmpipe's rasteriser threads) and
# of the X server (the presented frames), read from /proc before and after the gesture: on a
# loaded machine that is the figure to compare between two configurations; and the median of
# each pulse phase (waiting for the previous frame, painting, presenting).
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
# utime + stime of a process (clock ticks), and of each of its threads by name
cpu() { awk '{print $14 + $15}' "/proc/$1/stat"; }
threads() { for t in /proc/"$1"/task/*; do echo "${t##*/}|$(cat "$t/comm")|$(awk '{print $14 + $15}' "$t/stat")"; done; }
javapid=$app
before=$(grep -c '^PULSE' "$log" || true)
j0=$(cpu "$javapid"); x0=$(cpu "$xvfb"); t0=$(threads "$javapid")
xdotool mousemove 150 450 mousedown 1
for _ in $(seq 1 80); do xdotool mousemove_relative -- 6 1; sleep 0.03; done
xdotool mouseup 1
sleep 3
j1=$(cpu "$javapid"); x1=$(cpu "$xvfb"); t1=$(threads "$javapid")
kill "$app" 2>/dev/null || true
uptime
frames=$(awk -v b="$before" '/^PULSE/ {n++} n > b' "$log" | grep -c 'Painting' || true)
tick=$(getconf CLK_TCK)
awk -v j=$((j1 - j0)) -v x=$((x1 - x0)) -v f="$frames" -v t="$tick" 'BEGIN {
  if (f > 0) printf "%d frames painted: CPU per frame %.1f ms java (FX, render, llvmpipe threads) + %.1f ms X server\n",
                    f, 1000 * j / t / f, 1000 * x / t / f}'
# CPU per frame by thread (name prefix): llvmpipe-N rasterise, QuantumRenderer drives OpenGL and
# presents, the JavaFX Application Thread runs the pulse, C1/C2 CompilerThread is the JIT
join -t '|' <(echo "$t0" | sort -t '|' -k1,1) <(echo "$t1" | sort -t '|' -k1,1) 2>/dev/null \
  | awk -F '|' -v f="$frames" -v t="$tick" '{d[$2] += $5 - $3} END {if (f > 0) for (k in d) if (d[k] > 0)
      printf "    %6.1f ms per frame  %s\n", 1000 * d[k] / t / f, k}' | sort -rn
for phase in 'Waiting for previous rendering' 'Painting' 'Presenting'; do
  awk -v b="$before" '/^PULSE/ {n++} n > b' "$log" | grep -F "$phase" | sed 's/.*+\([0-9]*\)ms.*/\1/' | sort -n \
    | awk -v ph="$phase" '{v[NR] = $1} END {if (NR) printf "  %s: median %d ms over %d pulses\n", ph, v[int(NR / 2) + 1], NR}'
done
grep '^PULSE' "$log" | tail -n +$((before + 1)) | sed 's/.*:\([0-9]*\)ms\].*/\1/' | sort -n \
  | awk '{a[NR] = $1} END {if (NR == 0) {print "no pulses logged"; exit 1}
         printf "%d pulses during the orbit: median %d ms, 90%% %d ms, max %d ms\n",
                NR, a[int(NR / 2) + 1], a[int(NR * 0.9) + 1], a[NR]}'
echo "pulse log: $log"
