#!/usr/bin/env bash
# Prints the equivalent-mutant table of docs/mutation.md from the "// Stryker disable" comments in src/, with the evidence
# recorded for each in mutation/evidence.tsv (a row whose file matches and whose phrase occurs in the marker's reason).
# Exits 1 (after printing) when a marker has no evidence row.
# Usage: bash mutation/equivalents.sh   (from any directory)
set -euo pipefail
cd "$(dirname "$0")/.."
echo '| where | mutators | reason | evidence |'
echo '|---|---|---|---|'
grep -rnE --include='*.cs' '// Stryker disable (once )?[A-Za-z,]+ *:' src \
  | grep -v '/obj/\|/bin/' \
  | LC_ALL=C sort -t: -k1,1 -k2,2n \
  | sed 's/|/\\|/g' \
  | sed -E 's#^src/Muon\.([^:]+):([0-9]+):[[:space:]]*// Stryker disable (once )?([^ ]+)[[:space:]]*:[[:space:]]*(.*)$#\1\t\2\t\4\t\5#' \
  | awk -F'\t' '
      BEGIN { missing = 0 }
      FNR == NR { if ($0 !~ /^#/ && NF >= 3) { file[++n] = $1; phrase[n] = $2; text[n] = $3 } next }
      {
        ev = ""
        for (i = 1; i <= n; i++) if (file[i] == $1 && index($4, phrase[i]) > 0) { ev = text[i]; break }
        if (ev == "") { ev = "**no evidence recorded**"; missing = 1 }
        printf "| `%s:%s` | %s | %s | %s |\n", $1, $2, $3, $4, ev
      }
      END { exit missing }' mutation/evidence.tsv -
