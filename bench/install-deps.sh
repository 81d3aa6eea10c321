#!/usr/bin/env bash
# Installs the Debian packages "make bench" and "make bench-compile" need,
# if any is missing: the compiler and plugin headers (to build the plugin),
# the two other allocators and clang (bench), binutils (objdump, nm), and
# with the argument "compile", npm (to fetch the SQLite amalgamation once).
# Run as root, or with sudo.
set -euo pipefail

packages=(gcc g++ make binutils python3 libmimalloc-dev libjemalloc-dev clang
	  "gcc-$(gcc -dumpversion 2>/dev/null | cut -d. -f1 || echo 12)-plugin-dev")
# npm may come from elsewhere (nodesource, nvm): a working npm is enough.
if [ "${1:-}" = compile ] && ! command -v npm >/dev/null 2>&1; then
	packages+=(npm)
fi
exec bash "$(dirname "$0")/../ci/install-packages.sh" "${packages[@]}"
