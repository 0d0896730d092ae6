#!/usr/bin/env bash
# The 3-D view under Xvfb: JavaFX refuses Mesa's software OpenGL by default (no 3-D); with
# -Dprism.forceGPU=true it renders through llvmpipe. Takes a --view 3d snapshot of paper 004's
# ELAA preset (48x48 UPA pair, illumination-maxmin-sdr) and checks that the PNG exists, that the
# 3-D area is not blank (many distinct colours: the array, the textured slice, the axes) and that
# the window really had 3-D (exit status 0; 1 when SCENE3D is unsupported).
set -euo pipefail
cd "$(dirname "$0")/../.."

need=()
command -v xvfb-run >/dev/null 2>&1 || need+=(xvfb xauth)
dpkg -s libgtk-3-0 >/dev/null 2>&1 || need+=(libgtk-3-0)
dpkg -s libxtst6 >/dev/null 2>&1 || need+=(libxtst6)
dpkg -s libgl1 >/dev/null 2>&1 || need+=(libgl1)
dpkg -s libgl1-mesa-dri >/dev/null 2>&1 || need+=(libgl1-mesa-dri)
dpkg -s fonts-dejavu-core >/dev/null 2>&1 || need+=(fonts-dejavu-core)
command -v xdotool >/dev/null 2>&1 || need+=(xdotool)
. .ci/install.sh
ci_install 3d-view ${need[@]+"${need[@]}"}

test -s target/fresnel.jar || mvn -B -q package -DskipTests
out=/tmp/fresnel-ci-3d.png
rm -f "$out"
xvfb-run -a -s "-screen 0 1400x900x24" java -Dprism.forceGPU=true -jar target/fresnel.jar \
  resources/presets/paper-004-elaa-illumination-maxmin-sdr.json --view 3d --snapshot "$out"
test -s "$out"
# The 3-D area: left of the side panels, below the tool bars.
colours="$(java .ci/PngColours.java "$out" 5 130 860 680)"
echo "3d-view: $out has $colours distinct colours in the 3-D area"
if [ "$colours" -lt 500 ]; then
  echo "3d-view: the 3-D view looks blank ($colours colours)" >&2
  exit 1
fi
echo "3d-view: the 3-D snapshot checked"
