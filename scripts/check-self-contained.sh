#!/usr/bin/env bash
# The repository stands alone: no file under Sources/, Tests/, Benchmarks/, Fuzz/ or
# Integrations/ may name `../shared` or `shared/` as a path (a user's clone has nothing beside it).
# Usage: scripts/check-self-contained.sh [ROOT]   (exit 1 and the offending lines when any is found)
set -euo pipefail
root="${1:-$(cd "$(dirname "$0")/.." && pwd)}"
cd "$root"
folders=()
for folder in Sources Tests Benchmarks Fuzz Integrations; do
    [ -d "$folder" ] && folders+=("$folder")
done
[ ${#folders[@]} -gt 0 ] || { echo "check-self-contained: no source folders under $root" >&2; exit 2; }
if found=$(grep -rnIE '\.\./shared|(^|[^A-Za-z0-9_.-])shared/' "${folders[@]}" \
        --exclude-dir='.build' --exclude-dir='.build-*' --exclude-dir='.build_*' --exclude-dir='.swiftpm'); then
    echo "These lines name a path outside the repository (../shared or shared/); tests and sources must read only files inside the checkout:" >&2
    echo "$found" >&2
    exit 1
fi
echo "self-contained: no path outside the repository in ${folders[*]}"
