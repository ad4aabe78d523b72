"""A return paid by card is refunded at Stripe (localstripe) with an idempotency key made from its credit note number;
refunding the return again sends nothing more. A recording pass-through proxy in front of localstripe shows the
headers the official SDK really sent (localstripe itself ignores idempotency keys)."""

import http.server
import threading
import urllib.request
from decimal import Decimal

import pytest
from django.core import mail

from payments.models import Payment, Refund, RefundStatus
from payments.money import to_minor_units
from shop.models import CreditNote, ReturnStatus
from shop.services.returns.payback import refund_return
from tests.shop.refund_helpers import make_paid_order, make_received_return

pytestmark = pytest.mark.django_db


@pytest.fixture
def recording_proxy(localstripe_url):
    """(url, requests): a loopback proxy to localstripe recording (method, path, idempotency key) of each request."""
    seen = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def _forward(self):
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0)) or None
            seen.append((self.command, self.path, self.headers.get("Idempotency-Key")))
            request = urllib.request.Request(localstripe_url + self.path, data=body, method=self.command,
                                             headers={k: v for k, v in self.headers.items() if k.lower() not in ("host", "content-length")})
            try:
                with urllib.request.urlopen(request, timeout=10) as upstream:
                    status, headers, payload = upstream.status, upstream.headers, upstream.read()
            except urllib.error.HTTPError as exc:
                status, headers, payload = exc.code, exc.headers, exc.read()
            self.send_response(status)
            self.send_header("Content-Type", headers.get("Content-Type", "application/json"))
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        do_GET = do_POST = do_DELETE = _forward

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", seen
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("currency", ["EUR", "JPY"])
def test_a_card_return_is_refunded_at_stripe_once_with_its_key(settings, stripe_client, recording_proxy, currency,
                                                              django_capture_on_commit_callbacks):
    proxy_url, seen = recording_proxy
    settings.STRIPE_SECRET_KEY = "sk_test_caravan"
    settings.STRIPE_API_BASE = proxy_url
    specs = [("19.99", 2, 19), ("7.49", 1, 7)] if currency == "EUR" else [("1980", 2, 10), ("750", 1, 8)]
    order, (shirt, socks) = make_paid_order(specs, currency=currency, voucher=Decimal("5" if currency == "EUR" else "500"),
                                            provider="stripe", capture=False,
                                            shipping_gross=Decimal("4.90" if currency == "EUR" else "590"))
    intent = stripe_client.payment_intents.create(params={"amount": to_minor_units(order.total_gross, currency),
                                                          "currency": currency.lower(), "payment_method": "pm_card_visa"})
    stripe_client.payment_intents.confirm(intent.id)
    payment = Payment.objects.create(order=order, provider="stripe", currency=currency, amount=order.total_gross,
                                     amount_captured=order.total_gross, status="captured", provider_reference=intent.id,
                                     idempotency_key=f"order-{order.pk}-stripe")
    request = make_received_return(order, {shirt: 1})
    with django_capture_on_commit_callbacks(execute=True):
        note = refund_return(request.pk)
    # one e-mail: the credit note with its PDF (not a second "we have refunded" one)
    assert [m.subject for m in mail.outbox] == [m.subject for m in mail.outbox if note.number in m.subject] and len(mail.outbox) == 1

    refund = Refund.objects.get(payment=payment)
    key = f"credit-note-{note.number}-payment-{payment.pk}"
    assert refund.idempotency_key == key and refund.status == RefundStatus.SUCCEEDED and refund.amount == note.total_gross
    at_stripe = stripe_client.refunds.retrieve(refund.provider_reference)
    assert at_stripe.amount == to_minor_units(note.total_gross, currency) and at_stripe.payment_intent == intent.id
    assert [h for m, p, h in seen if m == "POST" and p.startswith("/v1/refunds")] == [key]
    payment.refresh_from_db()
    assert payment.amount_refunded == note.total_gross
    request.refresh_from_db()
    assert request.status == ReturnStatus.REFUNDED and request.refund_amount == note.total_gross

    refund_return(request.pk)  # again: no second refund at Stripe
    assert len([1 for m, p, _h in seen if m == "POST" and p.startswith("/v1/refunds")]) == 1
    assert Refund.objects.count() == 1 and CreditNote.objects.count() == 1


def test_stripe_down_keeps_the_credit_note_and_a_retry_refunds_once(settings, stripe_client, localstripe_url):
    from shop.services.returns.payback import PaybackFailed

    settings.STRIPE_SECRET_KEY = "sk_test_caravan"
    order, (shirt, socks) = make_paid_order([("19.99", 2, 19), ("7.49", 1, 7)], provider="stripe", capture=False)
    intent = stripe_client.payment_intents.create(params={"amount": to_minor_units(order.total_gross, "EUR"), "currency": "eur",
                                                          "payment_method": "pm_card_visa"})
    stripe_client.payment_intents.confirm(intent.id)
    Payment.objects.create(order=order, provider="stripe", currency="EUR", amount=order.total_gross, amount_captured=order.total_gross,
                           status="captured", provider_reference=intent.id, idempotency_key=f"order-{order.pk}-stripe")
    request = make_received_return(order, {shirt: 2})
    settings.STRIPE_API_BASE = "http://127.0.0.1:9"  # nothing listens there
    with pytest.raises(PaybackFailed, match="is issued, but its refund failed"):
        refund_return(request.pk)
    note = CreditNote.objects.get()
    request.refresh_from_db()
    assert request.status == ReturnStatus.RECEIVED and not Refund.objects.exists()
    assert order.events.filter(data__payback_failed=True).exists()

    settings.STRIPE_API_BASE = localstripe_url
    assert refund_return(request.pk).pk == note.pk
    refund_return(request.pk)
    (refund,) = Refund.objects.all()
    assert refund.amount == note.total_gross == shirt.total_gross and refund.idempotency_key.startswith(f"credit-note-{note.number}-")
    request.refresh_from_db()
    assert request.status == ReturnStatus.REFUNDED
