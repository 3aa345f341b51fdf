#!/usr/bin/env bash
# Installs what the tests use beyond the build: Debian's chromium (the HTML report rendered and printed by
# BrowserReportTests), Python's venv module (scripts/pre-commit-check.sh installs pre-commit from PyPI into one),
# PostgreSQL (SQLCommandTests start a server of their own with scripts/with-postgres.sh) and DuckDB in .build/test-venv.
set -euo pipefail
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
python3 -m venv --help >/dev/null 2>&1 || missing+=(python3-venv)
ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1 || missing+=(postgresql)
bash "$(dirname "$0")/apt-install.sh" ${missing[@]+"${missing[@]}"}
# DuckDB from PyPI, for SQLCommandTests (the query deid sql prints, run on a real engine).
venv="$(cd "$(dirname "$0")/.." && pwd)/.build/test-venv"
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/python" -c 'import duckdb' 2>/dev/null || "$venv/bin/pip" install -q duckdb
