#!/usr/bin/env bash
# Installs everything the site and the tests need on a fresh Debian machine (run as root,
# or with sudo available). Idempotent: a second run only checks.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)          # PDFs and browser tests
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)   # PDF checks in tests
[ -e /usr/share/fonts/truetype/liberation ] || missing+=(fonts-liberation)
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  echo "Installerer systempakker: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

PYTHON="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install -q --disable-pip-version-check -r requirements.txt -c requirements.lock
