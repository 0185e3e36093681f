#!/usr/bin/env bash
# Rebuild the committed core (extension/prebuilt/JobTracker.dll, .deps.json, .runtimeconfig.json) from dotnet/JobTracker and
# re-pin its NuGet packages (extension/prebuilt/packages.json). Run it after any change to the core's C# or its packages, and
# commit what it changed; tests/prebuilt/test_prebuilt_is_current.py fails until then. About 15 s.
#   bash extension/prebuilt/regenerate.sh [OUT_DIR]     (default: extension/prebuilt/)
set -euo pipefail
cd "$(dirname "$0")/../.."
out="${1:-extension/prebuilt}"
mkdir -p "$out"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# JobTrackerPrebuilt: deterministic, no machine paths, pinned compiler and reference pack (dotnet/Directory.Build.*).
dotnet build dotnet/JobTracker/JobTracker.csproj -c Release --nologo -v quiet --artifacts-path "$work" \
    -p:JobTrackerPrebuilt=true >"$work/build.log" || { cat "$work/build.log"; exit 1; }
cp "$work"/bin/JobTracker/release/JobTracker.{dll,deps.json,runtimeconfig.json} "$out"/
python3 extension/prebuilt/pin_packages.py "$out"
echo "prebuilt core written to $out/"
