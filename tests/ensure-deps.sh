#!/usr/bin/env bash
# Installs what the stand-in WebUI needs on a Debian machine, once; with --with-js, also what the
# JavaScript tests need (tests/run-all.sh asks for it; tests/serve.sh does not).
# The .NET SDK is expected (it is the project's toolchain); Python packages come from apt,
# the same family A1111 pins (FastAPI/Starlette/pydantic 1), never from pip.
set -euo pipefail

PYTHON=/usr/bin/python3
APT_PACKAGES=(python3 python3-fastapi python3-uvicorn python3-httpx python3-pytest python3-pil python3-hypothesis)

if ! command -v dotnet >/dev/null 2>&1; then
  echo "[Job Tracker] the .NET 10 SDK is required (https://dot.net); install it and retry." >&2
  exit 1
fi

# The tab's JavaScript is tested in headless Chromium (Debian's chromium, driven by playwright-core
# from npm, installed into tests/js/node_modules from its package-lock.json).
JS_APT_PACKAGES=(chromium nodejs npm)
JS_DIR="$(cd "$(dirname "$0")" && pwd)/js"
ensure_js() {
  if ! { [ -x /usr/bin/chromium ] && command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1; }; then
    if [ "$(id -u)" -ne 0 ]; then
      echo "[Job Tracker] missing Chromium/Node.js for the JavaScript tests; run: sudo apt-get install -y ${JS_APT_PACKAGES[*]}" >&2
      exit 1
    fi
    echo "[Job Tracker] installing ${JS_APT_PACKAGES[*]} from apt..."
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${JS_APT_PACKAGES[@]}" >/dev/null
  fi
  if [ ! -d "$JS_DIR/node_modules/playwright-core" ]; then
    echo "[Job Tracker] installing playwright-core into tests/js/node_modules (npm ci)..."
    (cd "$JS_DIR" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}
if [ "${1:-}" = "--with-js" ]; then
  ensure_js
fi

if [ -x "$PYTHON" ] && "$PYTHON" -c "import fastapi, uvicorn, httpx, pytest, PIL, hypothesis" 2>/dev/null; then
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "[Job Tracker] missing Python packages; run: sudo apt-get install -y ${APT_PACKAGES[*]}" >&2
  exit 1
fi
echo "[Job Tracker] installing ${APT_PACKAGES[*]} from apt..."
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${APT_PACKAGES[@]}" >/dev/null
