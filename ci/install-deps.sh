#!/usr/bin/env bash
# Installs the Debian packages the plugin and its tests need, if any is
# missing.  Run as root, or with sudo available.  Used by "make deps" (and
# so by "make demo" and "make check") and by .ci/run.
set -euo pipefail

packages=(gcc g++ make "gcc-$(gcc -dumpversion 2>/dev/null | cut -d. -f1 || echo 12)-plugin-dev"
	  dejagnu python3-pytest gcc-12-source xz-utils)

missing=()
for p in "${packages[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" \
		|| missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "installing missing packages: ${missing[*]}"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
