#!/usr/bin/env bash
# Installs what the stand-in WebUI needs on a Debian machine, once. With --for-tests, also what the
# test suites need: pytest and hypothesis, and Chromium + playwright-core for the tab's JavaScript
# (tests/run-all.sh asks for it; tests/serve.sh does not).
# The .NET SDK is expected (it is the project's toolchain); Python packages come from apt,
# the same family A1111 pins (FastAPI/Starlette/pydantic 1), never from pip.
set -euo pipefail

# The three ENSURE_DEPS_* variables exist for tests/unit/test_ensure_deps.py, which runs this script against fake tools.
PYTHON="${ENSURE_DEPS_PYTHON:-/usr/bin/python3}"
CHROMIUM="${ENSURE_DEPS_CHROMIUM:-/usr/bin/chromium}"
SERVE_PACKAGES=(python3 python3-fastapi python3-uvicorn python3-httpx python3-pil)
SERVE_MODULES="fastapi, uvicorn, httpx, PIL"
TEST_PACKAGES=(python3-pytest python3-pytest-timeout python3-hypothesis python3-requests)
TEST_MODULES="pytest, pytest_timeout, hypothesis, requests"
JS_DIR="${ENSURE_DEPS_JS_DIR:-$(cd "$(dirname "$0")" && pwd)/js}"
FOR_TESTS=false
[ "${1:-}" = "--for-tests" ] && FOR_TESTS=true

if ! command -v dotnet >/dev/null 2>&1; then
  echo "[Job Tracker] the .NET 10 SDK is required (https://dot.net); install it and retry." >&2
  exit 1
fi

apt_install() {
  if [ "$(id -u)" -ne 0 ]; then
    echo "[Job Tracker] missing packages; run: sudo apt-get install -y $*" >&2
    exit 1
  fi
  echo "[Job Tracker] installing $* from apt..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

if ! { [ -x "$PYTHON" ] && "$PYTHON" -c "import $SERVE_MODULES" 2>/dev/null; }; then
  apt_install "${SERVE_PACKAGES[@]}"
fi
$FOR_TESTS || exit 0

if ! "$PYTHON" -c "import $TEST_MODULES" 2>/dev/null; then
  apt_install "${TEST_PACKAGES[@]}"
fi
# Each missing piece on its own: a machine may carry NodeSource's nodejs (with npm inside), and
# Debian's npm package conflicts with it ("held broken packages").
missing_js_packages() {
  [ -x "$CHROMIUM" ] || echo chromium
  command -v node >/dev/null 2>&1 || echo nodejs
  command -v npm >/dev/null 2>&1 || echo npm
}
for package in $(missing_js_packages); do
  apt_install "$package"
done
if [ ! -d "$JS_DIR/node_modules/playwright-core" ]; then
  echo "[Job Tracker] installing playwright-core into tests/js/node_modules (npm ci)..."
  (cd "$JS_DIR" && npm ci --no-audit --no-fund --loglevel=error)
fi
