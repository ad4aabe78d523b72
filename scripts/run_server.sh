#!/usr/bin/env bash
# Starts the web server and, when REDIS_URL is set, a Celery worker with beat beside it.
# Without REDIS_URL, Celery tasks run in-process (eager), so no worker is needed.
set -euo pipefail
HOST=${1:-127.0.0.1}
PORT=${2:-8000}
BIN=.venv/bin
pids=()
cleanup() { for p in "${pids[@]:-}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT INT TERM
if [ -n "${REDIS_URL:-}" ]; then
  $BIN/celery -A config worker -B -l info --concurrency 2 &
  pids+=($!)
else
  echo "REDIS_URL is not set: Celery tasks run in-process (eager mode)."
fi
$BIN/gunicorn config.wsgi:application --bind "$HOST:$PORT" --workers "${WEB_CONCURRENCY:-2}" --threads 4 \
  --access-logfile - --timeout 60 &
pids+=($!)
wait -n
