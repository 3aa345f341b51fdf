#!/usr/bin/env bash
# Installs what the tests use beyond the build: Debian's chromium (the HTML report rendered and printed by
# BrowserReportTests) and Python's venv module (scripts/pre-commit-check.sh installs pre-commit from PyPI into one).
set -euo pipefail
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
python3 -m venv --help >/dev/null 2>&1 || missing+=(python3-venv)
[ ${#missing[@]} -eq 0 ] && exit 0
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
echo "deid: installing ${missing[*]} with apt-get" >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
