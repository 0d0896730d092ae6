#!/usr/bin/env bash
# Frame times of the 3-D view while orbiting (docs/3d-view.md, "Orbit frame times"): opens a
# preset (default: paper 004's 48x48 illumination-maxmin-sdr) on the 3-D view under Xvfb with
# -Dprism.forceGPU=true and the JavaFX pulse logger, waits for the design and the full slice,
# then makes three gestures with xdotool and prints, for each, the distribution of the pulse
# durations and the CPU per rendered frame:
#   1. "first orbit": drag the background (80 moves of (6, 1) px, 30 ms apart), as in the
#      earlier runs of this script; it includes the JIT compiling the orbit's code paths;
#   2. "second orbit": the same gesture back the other way (the JIT mostly done);
#   3. "fixed cost": the pointer hops 80 times between two tool-bar buttons (Solve, default),
#      so that each frame repaints two small hover regions only: what every frame costs
#      whatever changed in it (JavaFX copies its whole-window buffer to the window and Mesa
#      presents the whole window to the X server), which grows with the window's size.
# Extra arguments go to java (e.g. -Dfresnel.antialiasing=true). Environment: SCREEN (Xvfb
# screen, default 1400x900; the window is min(1400, width) x min(860, height)), WAIT_S (default
# 60), PRESET, DISPLAY_NUM (default: random 90-98), PERF=FILE (perf record of java and Xvfb
# during the second orbit). Needs xvfb, xdotool, libgl1-mesa-dri and target/fresnel.jar.
# Not a CI check: the numbers depend on the machine and its load (report `uptime` with them).
# The pulse durations are wall times, which follow the load; the CPU time per rendered frame of
# the java process (by thread: llvmpipe's rasteriser threads, QuantumRenderer = the render
# thread, which also runs llvmpipe's vertex and set-up stages, the FX thread, the JIT compiler)
# and of the X server, read from /proc before and after each gesture, is the figure to compare
# between two configurations on a loaded machine. Also printed: the median of each pulse phase
# (waiting for the previous frame, painting, presenting) and the dirty region of the last frame.
set -euo pipefail
cd "$(dirname "$0")/../.."
preset="${PRESET:-resources/presets/paper-004-elaa-illumination-maxmin-sdr.json}"
wait_s="${WAIT_S:-60}"
screen="${SCREEN:-1400x900}"
display=":${DISPLAY_NUM:-$((90 + RANDOM % 9))}"
log="$(mktemp /tmp/fresnel-orbit-XXXX.log)"
Xvfb "$display" -screen 0 "${screen}x24" >/dev/null 2>&1 &
xvfb=$!
app=
trap 'kill $app "$xvfb" 2>/dev/null || true' EXIT
sleep 2
export DISPLAY="$display"
java -Dprism.forceGPU=true -Djavafx.pulseLogger=true -Djavafx.pulseLogger.threshold=0 "$@" \
  -jar target/fresnel.jar "$preset" --view 3d >"$log" 2>&1 &
app=$!
sleep "$wait_s"
tick=$(getconf CLK_TCK)
# utime + stime of a process (clock ticks), and of each of its threads (id|name|ticks)
cpu() { awk '{print $14 + $15}' "/proc/$1/stat"; }
threads() { for t in /proc/"$1"/task/*; do echo "${t##*/}|$(cat "$t/comm")|$(awk '{print $14 + $15}' "$t/stat" 2>/dev/null || echo 0)"; done 2>/dev/null; }
orbit() {
  xdotool mousemove 150 450 mousedown 1
  for _ in $(seq 1 80); do xdotool mousemove_relative -- "$1" 1; sleep 0.03; done
  xdotool mouseup 1
}
hover() {
  # the buttons' places in the window (window coordinates), wherever the window is on screen
  local w X=0 Y=0 WINDOW= WIDTH= HEIGHT= SCREEN=
  w=$(xdotool search --onlyvisible --name '^Fresnel' 2>/dev/null | head -1 || true)
  if [ -n "$w" ]; then eval "$(xdotool getwindowgeometry --shell "$w")"; fi
  for _ in $(seq 1 40); do
    xdotool mousemove $((X + 450)) $((Y + 45)); sleep 0.03; xdotool mousemove $((X + 480)) $((Y + 79)); sleep 0.03
  done
  xdotool mousemove $((X + 300)) $((Y + 1))
}
# measure NAME COMMAND...: runs the gesture and prints its statistics
measure() {
  local name=$1; shift
  local before j0 x0 t0 j1 x1 t1 frames perfpid=
  before=$(grep -c '^PULSE' "$log" || true)
  j0=$(cpu "$app"); x0=$(cpu "$xvfb"); t0=$(threads "$app")
  if [ -n "${PERF:-}" ] && [ "$name" = "second orbit" ]; then
    perf record -q -F 999 -g -o "$PERF" -p "$app,$xvfb" 2>/dev/null & perfpid=$!
  fi
  "$@"
  sleep 3
  if [ -n "$perfpid" ]; then kill -INT "$perfpid"; wait "$perfpid" || true; fi
  j1=$(cpu "$app"); x1=$(cpu "$xvfb"); t1=$(threads "$app")
  local pulses
  pulses=$(awk -v b="$before" '/^PULSE/ {n++} n > b' "$log")
  # one "Presenting" per rendered pulse ("Painting" is logged once per dirty region)
  frames=$(echo "$pulses" | grep -c 'Presenting' || true)
  echo "== $name (load average $(cut -d' ' -f1-3 /proc/loadavg))"
  if [ "$frames" -lt 20 ]; then echo "  (only $frames frames: the gesture missed; the numbers below mean little)"; fi
  awk -v j=$((j1 - j0)) -v x=$((x1 - x0)) -v f="$frames" -v t="$tick" 'BEGIN {
    if (f > 0) printf "%d frames rendered: CPU per frame %.1f ms java (FX, render, llvmpipe threads) + %.1f ms X server\n",
                      f, 1000 * j / t / f, 1000 * x / t / f}'
  # CPU per frame by thread name (threads keyed by id, summed by name)
  join -t '|' <(echo "$t0" | sort -t '|' -k1,1) <(echo "$t1" | sort -t '|' -k1,1) 2>/dev/null \
    | awk -F '|' -v f="$frames" -v t="$tick" '{d[$2] += $5 - $3} END {if (f > 0) for (k in d) if (d[k] > 0)
        printf "    %6.1f ms per frame  %s\n", 1000 * d[k] / t / f, k}' | sort -rn
  for phase in 'Waiting for previous rendering' 'Painting' 'Presenting'; do
    echo "$pulses" | grep -F "$phase" | sed 's/.*+\([0-9]*\)ms.*/\1/' | sort -n \
      | awk -v ph="$phase" '{v[NR] = $1} END {if (NR) printf "  %s: median %d ms over %d\n", ph, v[int(NR / 2) + 1], NR}'
  done
  echo "$pulses" | grep 'Dirty Region' | tail -1 | sed 's/^T[0-9]* : /  /'
  echo "$pulses" | grep '^PULSE' | grep -v 'Required No Rendering' | sed 's/.*:\([0-9]*\)ms\].*/\1/' | sort -n \
    | awk '{a[NR] = $1} END {if (NR == 0) {print "  no rendered pulses logged"; exit}
           printf "  %d rendered pulses (frames): median %d ms, 90%% %d ms, max %d ms\n",
                  NR, a[int(NR / 2) + 1], a[int(NR * 0.9) + 1], a[NR]}'
  # time from one rendered pulse to the next (the pulse logger's first number is the time since
  # the previous pulse): the frame interval the user sees
  echo "$pulses" | grep '^PULSE' | sed 's/^PULSE: [0-9]* \[\(-*[0-9]*\)ms:[0-9]*ms\]/\1 /' \
    | awk '{acc += $1; if ($0 !~ /No Rendering/) {if (s) print acc; acc = 0; s = 1}}' | sort -n \
    | awk '{a[NR] = $1} END {if (NR) printf "  frame interval: median %d ms, 90%% %d ms\n", a[int(NR / 2) + 1], a[int(NR * 0.9) + 1]}'
  # all pulses, as this script printed before 2026-12-02 21:00 (they include the pulses that
  # rendered nothing, which are shorter)
  echo "$pulses" | grep '^PULSE' | sed 's/.*:\([0-9]*\)ms\].*/\1/' | sort -n \
    | awk '{a[NR] = $1} END {if (NR) printf "  all %d pulses: median %d ms, 90%% %d ms\n", NR, a[int(NR / 2) + 1], a[int(NR * 0.9) + 1]}'
}
measure "first orbit" orbit 6
measure "second orbit" orbit -6
measure "fixed cost" hover
uptime
echo "pulse log: $log"
