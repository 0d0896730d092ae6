#!/usr/bin/env bash
# Mutation testing (PIT, the pom's "mutation" profile; docs/mutation.md), time-boxed so that a
# package's mutation score cannot silently fall: each package run fails below the threshold its
# profile mutation-<package> sets (fresnel.pit.mutationThreshold, a little under the score
# measured in README.md).
#
# Which packages: those of the eight mutated ones (model, physics, metrics, io, cli, service,
# optim, design) whose main sources differ from origin/main (or the local main branch) at their
# merge base; if that cannot be determined or touches none of them, the fast subset model +
# physics. Packages run cheapest first while the budget lasts (FRESNEL_PIT_BUDGET seconds, 900 by
# default: physics + model took 237 s on the quiet 2-core machine and overran 420 s at a load of
# 15-20); a package that does not fit is named and skipped, and a
# run that overruns the budget is stopped and fails. FRESNEL_PIT_PACKAGES="model metrics" picks
# the packages by hand. Run from the repository root.
set -euo pipefail

budget="${FRESNEL_PIT_BUDGET:-900}"
# rough seconds per package on the quiet 2-core machine, cheapest first: estimates, scaled down from the
# runs of README.md ("Mutation testing"), which were made at a load average of about 25 and took 5-23 min;
# optim took 17.5 min in one whole run at load 7-12 (2026-12-03), so it is skipped at the default budget
# rather than stopped half-way
order=(physics model service metrics io cli optim design)
declare -A cost=([physics]=60 [model]=150 [service]=90 [metrics]=200 [io]=200 [cli]=600 [optim]=1100 [design]=3600)

packages=()
if [ -n "${FRESNEL_PIT_PACKAGES:-}" ]; then
  read -r -a packages <<< "$FRESNEL_PIT_PACKAGES"
else
  base=""
  for ref in origin/main main; do
    if git rev-parse --verify -q "$ref" > /dev/null 2>&1; then
      base="$(git merge-base "$ref" HEAD 2>/dev/null || true)"
      [ -n "$base" ] && break
    fi
  done
  if [ -n "$base" ]; then
    changed="$( { git diff --name-only "$base" -- src/main/java/io/fresnel; git diff --name-only -- src/main/java/io/fresnel; } \
      | sed -n 's|^src/main/java/io/fresnel/\([a-z]*\)/.*|\1|p' | sort -u)"
    for p in "${order[@]}"; do
      if grep -qx "$p" <<< "$changed"; then packages+=("$p"); fi
    done
  fi
  if [ ${#packages[@]} -eq 0 ]; then
    packages=(physics model)
  fi
fi
echo "mutation: packages ${packages[*]} (budget ${budget} s)"

mvn -B -q -o test-compile 2>/dev/null || mvn -B -q test-compile
start=$(date +%s)
skipped=()
for p in "${packages[@]}"; do
  [ -n "${cost[$p]:-}" ] || { echo "mutation: unknown package $p" >&2; exit 1; }
  left=$(( budget - ($(date +%s) - start) ))
  if [ "${cost[$p]}" -gt "$left" ]; then
    skipped+=("$p")
    continue
  fi
  echo "mutation: $p (about ${cost[$p]} s quiet, ${left} s left)"
  log="$(mktemp)"
  set +e
  timeout "$left" mvn -B -o -Pmutation -Dfresnel.pit.package="$p" org.pitest:pitest-maven:mutationCoverage > "$log" 2>&1
  status=$?
  set -e
  grep -E '>> Generated [0-9]+ mutations|>> Mutations with no coverage|>> Ran ' "$log" || true
  if [ "$status" -eq 124 ]; then
    echo "mutation: $p overran the budget of ${budget} s (raise FRESNEL_PIT_BUDGET on a loaded machine)" >&2
    rm -f "$log"
    exit 1
  fi
  if [ "$status" -ne 0 ]; then
    grep -E 'ERROR|below threshold' "$log" | head -20 >&2
    echo "mutation: $p failed (report: target/pit-reports/$p/index.html)" >&2
    rm -f "$log"
    exit 1
  fi
  rm -f "$log"
done
if [ ${#skipped[@]} -gt 0 ]; then
  echo "mutation: not run within the budget: ${skipped[*]} (run: mvn -B -Pmutation -Dfresnel.pit.package=NAME test-compile org.pitest:pitest-maven:mutationCoverage)"
fi
echo "mutation: done in $(( $(date +%s) - start )) s"
