#!/usr/bin/env bash
# Install everything, then run the whole test suite (unit, built-site and browser tests).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export NO_MKDOCS_2_WARNING=1
exec .venv/bin/python -m pytest "$@"
