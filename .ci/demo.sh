#!/usr/bin/env bash
# The main job: set everything up, then run the crash-and-snap-back case study.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$ROOT/.ci/setup.sh"
cd "$ROOT"
exec .venv/bin/python -m cushion demo "$@"
