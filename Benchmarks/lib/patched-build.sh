# Sourced by benchmark scripts. build_patched PATCH DIR: copies this working tree's tracked files (committed or
# not) to DIR, applies PATCH there and builds it for release; DIR/.build/release/deid is the result. The copy is
# remade only when the tree or the patch changed. Patched builds measure something deid does not do; they are
# never part of deid.
build_patched() {
    local patch=$1 dir=$2 snapshot stamp
    snapshot=$(git stash create 2>/dev/null || true)
    snapshot=${snapshot:-HEAD}
    stamp="$(git rev-parse "$snapshot^{tree}") $(sha1sum < "$patch" | cut -c1-40)"
    if [ "$(cat "$dir/.stamp" 2>/dev/null)" != "$stamp" ]; then
        rm -rf "$dir"
        mkdir -p "$dir"
        git archive "$snapshot" | tar -x -C "$dir"
        patch -s -p1 -d "$dir" < "$patch" || { echo "$patch no longer applies"; return 2; }
        echo "$stamp" > "$dir/.stamp"
    fi
    swift build -c release --package-path "$dir" 2>&1 | tail -n 1
}
