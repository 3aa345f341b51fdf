#!/usr/bin/env bash
# Installs what the tests use beyond the build: Debian's chromium (the HTML report rendered and printed by
# BrowserReportTests) and Python's venv module (scripts/pre-commit-check.sh installs pre-commit from PyPI into one).
set -euo pipefail
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
python3 -m venv --help >/dev/null 2>&1 || missing+=(python3-venv)
bash "$(dirname "$0")/apt-install.sh" ${missing[@]+"${missing[@]}"}
