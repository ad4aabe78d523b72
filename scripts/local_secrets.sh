#!/usr/bin/env bash
# Per-install secrets for running the shop from a checkout, created once in git-ignored files (mode 600):
#   .secret_key             Django's SECRET_KEY when DJANGO_SECRET_KEY is unset (config/settings.py reads it)
#   .stripe_webhook_secret  the webhook secret of the offline Stripe mode (scripts/run_server.sh without keys)
# Production sets DJANGO_SECRET_KEY (and real Stripe keys) in the environment instead.
set -euo pipefail
cd "$(dirname "$0")/.."
umask 077
python=.venv/bin/python
[ -x "$python" ] || python=python3
if [ ! -s .secret_key ]; then
  "$python" -c "import secrets; print(secrets.token_urlsafe(50))" > .secret_key
  echo "Wrote a new random secret key to .secret_key (used when DJANGO_SECRET_KEY is unset)."
fi
if [ ! -s .stripe_webhook_secret ]; then
  "$python" -c "import secrets; print('whsec_' + secrets.token_urlsafe(32))" > .stripe_webhook_secret
fi
