"""Signals payments emits; shop listens (payments never imports shop)."""

from django.dispatch import Signal

# sender=Payment class, payment=Payment (sent after the change is committed); payment_refunded also sends
# amount=Decimal (what this refund gave back) and refund=Refund or None (a refund made at the provider, e.g. in Stripe's dashboard)
payment_captured = Signal()
payment_refunded = Signal()
payment_disputed = Signal()
