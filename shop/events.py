"""Signals shop emits for higher apps (crm listens; shop never imports crm)."""

from django.dispatch import Signal

# sender=Cart class, cart=Cart instance
cart_changed = Signal()
