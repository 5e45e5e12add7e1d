#!/bin/sh
# One command: check examples/torch_adapter.py with muon-verify over process protocol v1.
#
#   examples/check_torch.sh                       # Keller quintic, float64
#   examples/check_torch.sh --kind exact --dtype float32
#   CHECK_ARGS="--quick --json torch.json" examples/check_torch.sh --kind exact
#
# Installs Debian's python3-torch (≈ 200 packages) with apt-get when /usr/bin/python3 cannot import torch
# (needs root or sudo). Uses /usr/bin/python3, Debian's Python: a `python3` earlier on PATH (pyenv, venv) does not
# see Debian's packages. Arguments are passed to the adapter; CHECK_ARGS to `muon-verify check`.
set -eu
cd "$(dirname "$0")/.."
PYTHON=/usr/bin/python3
if ! "$PYTHON" -c 'import torch' 2>/dev/null; then
    echo "check_torch.sh: torch is not importable by $PYTHON; installing python3-torch with apt-get" >&2
    SUDO=""
    if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; fi
    $SUDO apt-get update
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y python3-torch
    "$PYTHON" -c 'import torch' || { echo "check_torch.sh: python3-torch installed but 'import torch' still fails" >&2; exit 2; }
fi
ADAPTER_ARGS="${*:---kind keller}"
# shellcheck disable=SC2086  # CHECK_ARGS is a list of options
exec dotnet run --project src/Muon.Verification.Cli -c Release -- check ${CHECK_ARGS:-} --exec "$PYTHON examples/torch_adapter.py $ADAPTER_ARGS"
