#!/usr/bin/env bash
# Installs the named Debian packages with apt-get (through sudo when not root). Used by install-deps.sh and
# install-test-deps.sh once they know which packages are missing.
set -euo pipefail
[ $# -eq 0 ] && exit 0
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
echo "deid: installing $* with apt-get" >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@" >/dev/null
