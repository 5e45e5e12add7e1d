#!/usr/bin/env bash
# Mutation testing (Stryker.NET, local tool). Not part of .ci/run: a full run takes tens of minutes on 2 cores.
#   bash mutation/run.sh reference      # src/Muon.Reference, judged by its example tests (tests/Muon.Reference.Tests)
#   bash mutation/run.sh oracle         # the oracle core of src/Muon.Verification, judged by the property suite
# Extra arguments go to Stryker (e.g. --log-to-file).
# Reports (HTML + JSON): mutation/reports/<target>/reports/mutation-report.{html,json}.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
target="${1:-reference}"
shift || true
# Stryker runs from the project under test (required when several test projects judge it; from the root it would
# switch to solution mode). Test-project paths in the configs are relative to that directory.
case "$target" in
  reference) project_dir="$root/src/Muon.Reference" ;;
  oracle) project_dir="$root/src/Muon.Verification" ;;
  *) echo "unknown target '$target' (known: reference, oracle)" >&2; exit 2 ;;
esac
cd "$root"
dotnet tool restore >/dev/null
cd "$project_dir"
# The fast test selection: per-test coverage runs only the tests that reach a mutant; the config's filter drops the
# tests that start other processes (they run an unmutated copy, so they cannot kill a mutant); quick depth runs a
# quarter of each property's cases (negative controls keep the standard count, see PropertyAssert.ControlSettings).
export MUON_VERIFY_DEPTH=quick
unset MUON_VERIFY_REPLAY MUON_VERIFY_CASES
dotnet stryker --config-file "$root/mutation/stryker-config.$target.json" --output "$root/mutation/reports/$target" "$@"
