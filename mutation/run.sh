#!/usr/bin/env bash
# Mutation testing (Stryker.NET, local tool). Not part of .ci/run: a full run takes tens of minutes on 2 cores.
#   bash mutation/run.sh reference      # Muon.Reference, judged by tests/Muon.Reference.Tests
# Reports (HTML + JSON) go to mutation/reports/<target>/.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
target="${1:-reference}"
dotnet tool restore >/dev/null
case "$target" in
  reference)
    cd "$root/tests/Muon.Reference.Tests"
    dotnet stryker --config-file "$root/mutation/stryker-config.reference.json" --output "$root/mutation/reports/reference"
    ;;
  *)
    echo "unknown target '$target' (known: reference)" >&2
    exit 2
    ;;
esac
