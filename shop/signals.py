"""Signals shop emits for higher apps (crm listens; shop never imports crm)."""

from django.dispatch import Signal

# sender=Cart class, cart=Cart instance
cart_changed = Signal()

# sender=Order class, order=Order instance (sent after the placing transaction commits)
order_placed = Signal()
# sender=Order class, order=Order instance, old_status=str
order_status_changed = Signal()
