"""Signals payments emits; shop listens (payments never imports shop)."""

from django.dispatch import Signal

# sender=Payment class, payment=Payment (sent after the change is committed)
payment_captured = Signal()
payment_refunded = Signal()
payment_disputed = Signal()
