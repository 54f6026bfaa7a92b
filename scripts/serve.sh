#!/usr/bin/env bash
# Install everything, then serve the site with live reload on http://127.0.0.1:8000/
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/mkdocs serve "$@"
