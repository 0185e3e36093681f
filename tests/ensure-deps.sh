#!/usr/bin/env bash
# Installs what the stand-in WebUI and the tests need on a Debian machine, once.
# The .NET SDK is expected (it is the project's toolchain); Python packages come from apt,
# the same family A1111 pins (FastAPI/Starlette/pydantic 1), never from pip.
set -euo pipefail

PYTHON=/usr/bin/python3
APT_PACKAGES=(python3 python3-fastapi python3-uvicorn python3-httpx python3-pytest python3-pil python3-requests)

if ! command -v dotnet >/dev/null 2>&1; then
  echo "[Job Tracker] the .NET 10 SDK is required (https://dot.net); install it and retry." >&2
  exit 1
fi

if [ -x "$PYTHON" ] && "$PYTHON" -c "import fastapi, uvicorn, httpx, pytest, PIL, requests" 2>/dev/null; then
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "[Job Tracker] missing Python packages; run: sudo apt-get install -y ${APT_PACKAGES[*]}" >&2
  exit 1
fi
echo "[Job Tracker] installing ${APT_PACKAGES[*]} from apt..."
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${APT_PACKAGES[@]}" >/dev/null
