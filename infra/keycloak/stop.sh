#!/usr/bin/env bash
# Stops the Keycloak started by start.sh (SIGTERM; SIGKILL after 30 s).
set -euo pipefail
source "$(dirname "$0")/common.sh"

if ! keycloak_running; then
  say "not running"
  rm -f "$PID_FILE"
  exit 0
fi
pid=$(cat "$PID_FILE")
kill "$pid"
for _ in $(seq 1 30); do
  if ! kill -0 "$pid" 2>/dev/null; then
    rm -f "$PID_FILE"
    say "stopped (pid $pid)"
    exit 0
  fi
  sleep 1
done
say "pid $pid did not stop within 30 s; killing it" >&2
kill -9 "$pid" 2>/dev/null || true
rm -f "$PID_FILE"
