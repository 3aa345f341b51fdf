# Benchmarks/.venv, the benchmarks' Python with packages from PyPI. `benchmark_venv PACKAGE...` creates it if needed
# and installs the packages it cannot import (each is imported under its own name).
VENV=Benchmarks/.venv
benchmark_venv() {
    local missing=()
    for package in "$@"; do "$VENV/bin/python" -c "import $package" 2>/dev/null || missing+=("$package"); done
    [ ${#missing[@]} -gt 0 ] || return 0
    echo "== venv: pip install ${missing[*]}"
    [ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
    "$VENV/bin/pip" install -q "${missing[@]}"
}
