#!/usr/bin/env bash
# Installs the Debian packages the plugin and its tests need, if any is
# missing, and the npm packages of the SARIF tests.  Run as root, or with
# sudo available.  Used by "make deps" (and so by "make demo" and "make
# check") and by .ci/run.
#
# Usage: ci/install-deps.sh [MAJOR]
# MAJOR is the GCC version to build the plugin for ("make CC=gcc-11" passes
# 11): its compilers and plugin headers are installed.  Default: gcc's.
set -euo pipefail

major=${1:-$(gcc -dumpversion 2>/dev/null | cut -d. -f1 || true)}
major=${major:-12}
case $major in
	*[!0-9]*) echo "$0: cannot tell the GCC version ('$major'): give CC=gcc-N" >&2
		exit 2 ;;
esac

# gcc-12-source: GCC's torture tests, C sources every compiler can read.
bash "$(dirname "$0")/install-packages.sh" gcc g++ make \
	"gcc-$major" "g++-$major" "gcc-$major-plugin-dev" \
	dejagnu python3-pytest gcc-12-source xz-utils \
	chromium chromium-driver	# escape-summary's page, in a browser

# The SARIF tests' validators (npm).
bash "$(dirname "$0")/install-sarif-validators.sh"
