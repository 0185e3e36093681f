#!/usr/bin/env bash
# Runs the extension for real: the stand-in WebUI with Job Tracker loaded, API on 127.0.0.1.
# Port: JOB_TRACKER_PORT (default 7861). Each generation step takes STEP_SECONDS (default 0.05).
# Extra arguments go to the stand-in (e.g. --api-auth user:pass).
set -euo pipefail
cd "$(dirname "$0")/.."

bash tests/ensure-deps.sh
export TRACKER_ENABLED="${TRACKER_ENABLED:-1}"
exec /usr/bin/python3 tests/standin/webui.py --api --nowebui \
  --port "${JOB_TRACKER_PORT:-7861}" --standin-step-seconds "${STEP_SECONDS:-0.05}" \
  --extension "$PWD" "$@"
