#!/usr/bin/env bash
# Installs the Debian packages the plugin and its tests need, if any is
# missing, and the npm packages of the SARIF tests.  Run as root, or with
# sudo available.  Used by "make deps" (and so by "make demo" and "make
# check") and by .ci/run.
set -euo pipefail

bash "$(dirname "$0")/install-packages.sh" gcc g++ make \
	"gcc-$(gcc -dumpversion 2>/dev/null | cut -d. -f1 || echo 12)-plugin-dev" \
	dejagnu python3-pytest gcc-12-source xz-utils

# The SARIF tests' validators (npm).
bash "$(dirname "$0")/install-sarif-validators.sh"
