#!/usr/bin/env bash
# The documentation stands alone and its examples work: every file in docs/examples loads and
# evaluates (exit 0), every link of README.md and docs/*.md into the repository exists, and
# nothing outside the golden-case README points at ../shared (the published repository has no
# shared/ folder beside it). Run from the repository root after `mvn package`.
set -euo pipefail

jar=target/fresnel.jar
test -s "$jar"

for f in docs/examples/*.json; do
  if ! java -jar "$jar" eval "$f" > /dev/null 2> /tmp/fresnel-ci-docs-err.txt; then
    echo "docs: $f does not evaluate:" >&2
    cat /tmp/fresnel-ci-docs-err.txt >&2
    exit 1
  fi
  if [ -s /tmp/fresnel-ci-docs-err.txt ]; then
    echo "docs: $f evaluates with warnings:" >&2
    cat /tmp/fresnel-ci-docs-err.txt >&2
    exit 1
  fi
done

# Relative links of the form ](path) or ](path#anchor) must name an existing file or folder.
status=0
for doc in README.md docs/*.md; do
  dir="$(dirname "$doc")"
  while IFS= read -r target; do
    path="${target%%#*}"
    [ -z "$path" ] && continue
    case "$path" in http*|mailto:*) continue ;; esac
    if [ ! -e "$dir/$path" ]; then
      echo "docs: $doc links to $target, which does not exist" >&2
      status=1
    fi
  done < <(grep -o '](\([^)]*\))' "$doc" | sed 's/^](\(.*\))$/\1/')
done

if git grep -n '\.\./shared' -- README.md docs src ':!src/test/resources/golden/README.md'; then
  echo "docs: the lines above point at ../shared, which the published repository does not have" >&2
  status=1
fi
exit $status
