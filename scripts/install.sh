#!/usr/bin/env bash
# Builds deid and installs it so that it runs from any folder. The presets and reference populations are compiled
# into the binary and the Swift runtime is linked statically, so the one file `deid` is all that is installed; it
# needs only libcsv and GLPK, which this script installs with apt-get when they are missing.
#
# Usage: bash scripts/install.sh [--prefix DIR] [--debug] [--skip-build]
#   --prefix DIR   install to DIR/bin/deid (default: /usr/local when writable, else ~/.local)
#   --debug        install the debug build (.build/debug/deid) instead of the release build
#   --skip-build   install what is already built (the tests use this while `swift test` holds the build folder)
set -euo pipefail
cd "$(dirname "$0")/.."

prefix="" configuration=release build=1
while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) prefix="${2:?--prefix needs a folder}"; shift 2 ;;
    --debug) configuration=debug; shift ;;
    --skip-build) build=0; shift ;;
    -h|--help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "install.sh: unknown option '$1' (see --help)" >&2; exit 2 ;;
  esac
done
if [ -z "$prefix" ]; then
  if [ -w /usr/local/bin ]; then prefix=/usr/local; else prefix="$HOME/.local"; fi
fi

if [ "$build" = 1 ]; then
  bash scripts/install-deps.sh
  flags=(-c "$configuration")
  [ "$configuration" = release ] && flags+=(--static-swift-stdlib)
  swift build "${flags[@]}" --product deid
fi
built=".build/$configuration/deid"
[ -x "$built" ] || { echo "install.sh: $built is not built; run without --skip-build" >&2; exit 2; }

mkdir -p "$prefix/bin"
# Copy beside, then rename: a deid already running from the old file is never overwritten in place.
install -m 755 "$built" "$prefix/bin/.deid.new"
mv -f "$prefix/bin/.deid.new" "$prefix/bin/deid"
echo "deid: installed $prefix/bin/deid ($("$prefix/bin/deid" --version))" >&2
case ":$PATH:" in
  *":$prefix/bin:"*) ;;
  *) echo "deid: $prefix/bin is not on your PATH; add it with:  export PATH=\"$prefix/bin:\$PATH\"" >&2 ;;
esac
