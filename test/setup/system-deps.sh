#!/usr/bin/env bash
# Runs before `npm test`: the suite needs Chromium (Playwright), a PostgreSQL server binary and
# nginx (the load balancer in front of three app servers in the cluster suite).
# As root it installs them from Debian's packages; otherwise it says what to install.
set -euo pipefail
need=()
command -v "${CHROMIUM_PATH:-chromium}" >/dev/null 2>&1 || [ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || need+=(chromium)
{ ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || [ -n "${PG_BIN_DIR:-}" ]; } || need+=(postgresql)
{ [ -x /usr/sbin/nginx ] || command -v nginx >/dev/null 2>&1 || [ -n "${NGINX_BIN:-}" ]; } || need+=(nginx)
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing ${need[*]} for the test suite"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq "${need[@]}" >/dev/null
else
  echo "The tests need: ${need[*]}. Install with: sudo apt-get install -y ${need[*]}" >&2
  exit 1
fi
