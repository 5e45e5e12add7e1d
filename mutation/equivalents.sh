#!/usr/bin/env bash
# Prints the equivalent-mutant table of docs/mutation.md from the "// Stryker disable" comments in src/.
# Usage: bash mutation/equivalents.sh   (from any directory)
set -euo pipefail
cd "$(dirname "$0")/.."
echo '| where | mutators | reason |'
echo '|---|---|---|'
grep -rnE --include='*.cs' '// Stryker disable (once )?[A-Za-z,]+ *:' src \
  | grep -v '/obj/\|/bin/' \
  | LC_ALL=C sort -t: -k1,1 -k2,2n \
  | sed 's/|/\\|/g' \
  | sed -E 's#^src/Muon\.([^:]+):([0-9]+):[[:space:]]*// Stryker disable (once )?([^ ]+)[[:space:]]*:[[:space:]]*(.*)$#| `\1:\2` | \4 | \5 |#'
