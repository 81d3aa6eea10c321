#!/usr/bin/env bash
# Installs what testsuite/pytest/test_sarif.py validates the plugin's SARIF
# logs with: the npm packages of testsuite/sarif/package.json (Ajv with the
# SARIF 2.1.0 schema, Microsoft's SARIF Multitool), at the versions
# package-lock.json pins, and Node.js and npm from Debian if npm is
# missing.  Does nothing when they are installed from the same lock file.
# Called by ci/install-deps.sh ("make deps").
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
dir="$here/../testsuite/sarif"
stamp="$dir/node_modules/.installed-from-lock"

command -v npm >/dev/null || bash "$here/install-packages.sh" nodejs npm
if [ -f "$stamp" ] && cmp -s "$stamp" "$dir/package-lock.json"; then
	exit 0
fi
echo "installing the SARIF validators (testsuite/sarif)"
if ! (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error); then
	echo "error: could not install the SARIF validators ('npm ci' in" \
	     "testsuite/sarif); the SARIF tests validate logs with them" >&2
	exit 1
fi
# npm may skip the package's own install script, which does this.
chmod u+x "$dir/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool"
cp "$dir/package-lock.json" "$stamp"
