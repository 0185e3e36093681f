#!/usr/bin/env bash
# Every test: the .NET unit tests (NUnit), then the stand-in WebUI suites over real HTTP.
set -euo pipefail
cd "$(dirname "$0")/.."

bash tests/ensure-deps.sh --for-tests
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

echo "== .NET build (core, tests, benchmarks) and unit tests"
dotnet build dotnet/JobTracker.slnx --nologo -v quiet
dotnet test dotnet/JobTracker.slnx --nologo -v quiet

echo "== end-to-end tests (stand-in WebUI, real uvicorn, real .NET bridge)"
/usr/bin/python3 -m pytest -q tests "$@"
