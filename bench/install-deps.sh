#!/usr/bin/env bash
# Installs the Debian packages "make bench" and "make bench-compile" need,
# if any is missing: the compiler and plugin headers (to build the plugin),
# the two other allocators and clang (bench), binutils (objdump, nm), and
# with the argument "compile", npm (to fetch the SQLite amalgamation once).
# Run as root, or with sudo.
set -euo pipefail

packages=(gcc g++ make binutils python3 libmimalloc-dev libjemalloc-dev clang
	  "gcc-$(gcc -dumpversion 2>/dev/null | cut -d. -f1 || echo 12)-plugin-dev")
[ "${1:-}" = compile ] && packages+=(npm)

missing=()
for p in "${packages[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" \
		|| missing+=("$p")
done
# npm may come from elsewhere (nodesource, nvm): a working npm is enough.
if [ "${1:-}" = compile ] && command -v npm >/dev/null 2>&1; then
	missing=("${missing[@]/npm}")
	read -r -a missing <<<"${missing[*]}"
fi
[ ${#missing[@]} -eq 0 ] && exit 0

echo "installing missing packages: ${missing[*]}"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
