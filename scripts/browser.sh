#!/usr/bin/env bash
# Make sure the browser for the web UI tests is present: Debian's `chromium` package at
# /usr/bin/chromium (or $BOWERBIRD_CHROMIUM).  Playwright never downloads a browser.
# Installs with apt-get (through sudo when not root) when missing.  Without a way to
# install it, prints a notice and exits 0 so the browser tests skip; under CI (CI=true)
# it exits 1 instead (and the browser tests fail).
set -euo pipefail
CHROMIUM="${BOWERBIRD_CHROMIUM:-/usr/bin/chromium}"
if [ -x "$CHROMIUM" ]; then
  exit 0
fi
fail() {
  echo "browser: $1" >&2
  if [ "${CI:-}" = "true" ]; then exit 1; fi
  echo "browser: the web UI browser tests will be skipped" >&2
  exit 0
}
command -v apt-get >/dev/null 2>&1 || fail "no $CHROMIUM and no apt-get to install the Debian package chromium"
SUDO=""
if [ "$(id -u)" != "0" ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO="sudo -n"
  else
    fail "no $CHROMIUM; install it with: sudo apt-get install -y chromium"
  fi
fi
echo "browser: installing the Debian package chromium" >&2
export DEBIAN_FRONTEND=noninteractive
if ! $SUDO apt-get install -y chromium >/dev/null 2>&1; then
  $SUDO apt-get update -qq >/dev/null 2>&1 || true
  $SUDO apt-get install -y chromium >/dev/null 2>&1 \
    || fail "apt-get could not install chromium"
fi
[ -x "$CHROMIUM" ] || fail "chromium installed but $CHROMIUM is missing (set BOWERBIRD_CHROMIUM)"
