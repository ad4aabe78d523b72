"""Start localstripe (a fake Stripe API) on loopback for the offline demo and register our webhook with it.

Usage: python scripts/run_localstripe.py PORT WEBHOOK_URL WEBHOOK_SECRET
Runs in the foreground until killed; `scripts/run_server.sh` starts it when no STRIPE_SECRET_KEY is set. Its payments
are kept in `.localstripe.pickle` here (localstripe's own file in /tmp is shared with anything else that runs it,
the test suite included), so refunds and reconciliation still find them after a restart."""

import pickle
import sys
import threading
import time
import urllib.parse
import urllib.request

import aiohttp.web
import localstripe.resources
import localstripe.server

STATE_FILE = ".localstripe.pickle"


def _load(store) -> None:
    try:
        with open(STATE_FILE, "rb") as f:
            store.update(pickle.load(f))
    except FileNotFoundError:
        pass


def _dump(store) -> None:
    with open(STATE_FILE, "wb") as f:
        pickle.dump(dict(store), f, protocol=pickle.HIGHEST_PROTOCOL)


def register_webhook(base: str, url: str, secret: str) -> None:
    deadline = time.monotonic() + 30
    while True:
        try:
            data = urllib.parse.urlencode({"url": url, "secret": secret}).encode()
            urllib.request.urlopen(urllib.request.Request(f"{base}/_config/webhooks/caravan", data=data), timeout=2).read()
            print(f"localstripe: listening on {base}, sending webhooks to {url}", flush=True)
            return
        except OSError:
            if time.monotonic() > deadline:
                print("localstripe: could not register the webhook", file=sys.stderr, flush=True)
                return
            time.sleep(0.2)


if __name__ == "__main__":
    port, webhook_url, webhook_secret = int(sys.argv[1]), sys.argv[2], sys.argv[3]
    localstripe.resources.Store.dump_to_disk = _dump
    _load(localstripe.resources.store)
    threading.Thread(target=register_webhook, args=(f"http://127.0.0.1:{port}", webhook_url, webhook_secret), daemon=True).start()
    aiohttp.web.run_app(localstripe.server.app, host="127.0.0.1", port=port, print=None, access_log=None)
