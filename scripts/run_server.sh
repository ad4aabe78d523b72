#!/usr/bin/env bash
# Starts the web server and, when REDIS_URL is set, a Celery worker with beat beside it.
# Without REDIS_URL, Celery tasks run in-process (eager), so no worker is needed.
# Without STRIPE_SECRET_KEY, card payments run offline: localstripe (a fake Stripe API) starts on loopback, the SDK
# and our webhook point at it, and the pay page loads a local stand-in for Stripe.js; its webhook secret is random per
# install (.stripe_webhook_secret). Without DJANGO_SECRET_KEY the per-install key in .secret_key is used.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/local_secrets.sh
export DJANGO_SECRET_KEY="${DJANGO_SECRET_KEY:-$(cat .secret_key)}"
HOST=${1:-127.0.0.1}
PORT=${2:-8000}
# Links in e-mails point at this server unless CARAVAN_SITE_URL says otherwise (make run PORT=8080 → :8080).
if [ -z "${CARAVAN_SITE_URL:-}" ]; then
  case "$HOST" in 0.0.0.0|::|'') link_host=127.0.0.1 ;; *) link_host=$HOST ;; esac
  export CARAVAN_SITE_URL="http://$link_host:$PORT"
fi
BIN=.venv/bin
pids=()
cleanup() { for p in "${pids[@]:-}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT INT TERM
if [ -z "${STRIPE_SECRET_KEY:-}" ]; then
  LOCALSTRIPE_PORT=${LOCALSTRIPE_PORT:-8420}
  export STRIPE_SECRET_KEY=sk_test_caravan_offline STRIPE_PUBLISHABLE_KEY=pk_test_caravan_offline
  export STRIPE_API_BASE="http://127.0.0.1:$LOCALSTRIPE_PORT" STRIPE_WEBHOOK_SECRET="$(cat .stripe_webhook_secret)"
  export STRIPE_JS_URL=/static/payments/stripe-local.js
  $BIN/python scripts/run_localstripe.py "$LOCALSTRIPE_PORT" "http://127.0.0.1:$PORT/payments/stripe/webhook/" "$STRIPE_WEBHOOK_SECRET" &
  pids+=($!)
  echo "STRIPE_SECRET_KEY is not set: card payments go to localstripe on $STRIPE_API_BASE (test card 4242 4242 4242 4242)."
fi
if [ -n "${REDIS_URL:-}" ]; then
  $BIN/celery -A config worker -B -l info --concurrency 2 &
  pids+=($!)
else
  echo "REDIS_URL is not set: Celery tasks run in-process (eager mode)."
fi
# The access log leaves out query strings and referrers: Stripe's return URL carries the PaymentIntent's client secret.
$BIN/gunicorn config.wsgi:application --bind "$HOST:$PORT" --workers "${WEB_CONCURRENCY:-2}" --threads 4 \
  --access-logfile - --access-logformat '%(h)s %(t)s "%(m)s %(U)s %(H)s" %(s)s %(b)s %(L)ss' --timeout 60 &
pids+=($!)
wait -n
