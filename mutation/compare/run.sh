#!/usr/bin/env bash
# Compares a hand-applied mutant of src/Muon.Reference with the original on chosen inputs (Program.cs): applies the named
# mutant (mutants.py) to a copy of the source, builds Program.cs against it, writes every output in round-trip form, and
# prints how far it is from the unmutated build, per group of outputs.
#   bash mutation/compare/run.sh ns-square-transposed      # one mutant
#   bash mutation/compare/run.sh all                       # every mutant in mutants.py
# Work files: ${TMPDIR:-/tmp}/muon-compare.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
work="${TMPDIR:-/tmp}/muon-compare"
mkdir -p "$work"
outputs() {
  local name=$1 dir="$work/src-$1"
  rm -rf "$dir" && mkdir -p "$dir"
  (cd "$root/src/Muon.Reference" && tar --exclude=bin --exclude=obj -cf - .) | tar -xf - -C "$dir"
  if [ "$name" != base ]; then python3 "$here/mutants.py" "$name" "$dir"; fi
  dotnet build "$here/Compare.csproj" -c Release -p:SrcDir="$dir" -o "$work/bin-$name" \
    -p:BaseIntermediateOutputPath="$work/obj-$name/" > "$work/build-$name.log" 2>&1 \
    || { tail -20 "$work/build-$name.log"; return 1; }
  # A mutant may crash (e.g. unbounded recursion): that is a difference too.
  dotnet "$work/bin-$name/Compare.dll" "$work/out-$name.txt" > "$work/run-$name.log" 2>&1 \
    || { echo "$name: the program failed:"; tail -5 "$work/run-$name.log"; return 1; }
}
outputs base
names=("$@")
if [ "${1:-}" = all ]; then read -r -a names <<< "$(python3 "$here/mutants.py" list)"; fi
for n in "${names[@]}"; do
  echo "## $n"
  if outputs "$n"; then python3 "$here/cmp.py" "$work/out-base.txt" "$work/out-$n.txt"; fi
done
