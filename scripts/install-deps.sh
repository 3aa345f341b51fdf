#!/usr/bin/env bash
# Installs the Debian packages deid builds against (libcsv and GLPK headers), if they are missing.
set -euo pipefail
packages=(libcsv-dev libglpk-dev)
missing=()
for p in "${packages[@]}"; do
  status="$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)"
  [ "$status" = "install ok installed" ] || missing+=("$p")
done
bash "$(dirname "$0")/apt-install.sh" ${missing[@]+"${missing[@]}"}
