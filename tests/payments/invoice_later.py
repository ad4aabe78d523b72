"""A test-only payment provider, to prove that adding one is this module plus settings: "invoice later" (the buyer
pays within 30 days of an invoice). Offline like a bank transfer (staff may mark it paid), plus what an outside
invoicing service adds: a reference made when the payment starts, and a signed "paid" webhook at
/payments/invoice_later/webhook/. Registered by `settings.CARAVAN_PAYMENT_PROVIDERS` in
tests/payments/test_adding_a_provider.py; nothing in the project names it."""

import hashlib
import hmac
import json
from datetime import timedelta
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.db import transaction
from django.http import HttpResponse, JsonResponse

from payments.ledger import record_capture, store_event
from payments.models import Payment, PaymentStatus
from payments.providers import PaymentProvider

CODE = "invoice_later"


def signature(body: bytes) -> str:
    return hmac.new(settings.INVOICE_LATER_WEBHOOK_SECRET.encode(), body, hashlib.sha256).hexdigest()


class InvoiceLaterProvider(PaymentProvider):
    code = CODE
    label = "Invoice (pay within 30 days)"

    def start(self, payment: Payment) -> None:
        payment.provider_reference = f"INV-{payment.pk}"
        payment.save(update_fields=["provider_reference", "updated_at"])

    def unpaid_order_timeout(self) -> timedelta:
        return timedelta(days=30)

    def handle_webhook(self, request) -> HttpResponse:
        """`{"id": event id, "invoice": "INV-…", "paid": "12.50"}`, signed (`Invoice-Signature`: HMAC-SHA256 of the body)."""
        if not hmac.compare_digest(request.headers.get("Invoice-Signature", ""), signature(request.body)):
            return HttpResponse("invalid signature", status=400)
        try:
            event = json.loads(request.body)
            paid = Decimal(event["paid"])
        except (ValueError, KeyError, TypeError, InvalidOperation):
            return HttpResponse("malformed event", status=400)
        with transaction.atomic():
            stored = store_event(CODE, str(event["id"]), "invoice.paid", event)
            if stored is None:
                return JsonResponse({"outcome": "replay: already processed"})
            payment = Payment.objects.select_for_update().filter(provider=CODE, provider_reference=str(event.get("invoice"))).first()
            open_payment = payment is not None and payment.status in (PaymentStatus.PENDING, PaymentStatus.PROCESSING)
            outcome = "captured" if open_payment and record_capture(payment, paid) else "ignored"
            stored.payment, stored.outcome = payment, outcome
            stored.save(update_fields=["payment", "outcome"])
        return JsonResponse({"outcome": outcome})
