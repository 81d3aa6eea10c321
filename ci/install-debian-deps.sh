#!/usr/bin/env bash
# Installs what building and checking the Debian package (debian/) needs,
# if anything is missing: the packaging tools, and the Build-Depends of
# debian/control (each compiler the package is built for).  Run as root,
# or with sudo available.  Used by "make check-debian".
set -euo pipefail

cd "$(dirname "$0")/.."
bash ci/install-packages.sh debhelper dpkg-dev lintian
dpkg-checkbuilddeps 2>/dev/null && exit 0

echo "installing the build dependencies of debian/control"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get build-dep -y -qq --no-install-recommends ./
