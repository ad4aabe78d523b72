"""Signals shop emits: for higher apps (crm listens; shop never imports crm) and for shop's own receivers.py, which
queues the Celery work a service asks for (services never import tasks: tasks import services)."""

from django.dispatch import Signal

# sender=Cart class, cart=Cart instance
cart_changed = Signal()

# sender=Order class, order=Order instance (sent after the placing transaction commits)
order_placed = Signal()
# sender=Order class, order=Order instance, old_status=str
order_status_changed = Signal()

# sender=None, product_ids=list[int] | None (None: every product). Listing prices must be recomputed once the
# current transaction commits (exchange rates, tax rates or markets changed in bulk).
listing_prices_stale = Signal()

# sender=Order class, order_id=int, amount=Decimal (what this refund gave back), key=str (names the refund once),
# reason=str. Sent when a refund of an order that is not cancelled is recorded: receivers.py e-mails the buyer.
order_refunded = Signal()


# sender=CreditNote class, credit_note_id=int. Sent once a credit note's money went back (or was noted for staff to
# pay back): receivers.py renders its PDF and e-mails it to the buyer.
credit_note_issued = Signal()

# sender=ReturnRequest class, return_id=int, step=str (a ReturnStatus value). Sent after the commit of a return's move
# the buyer is told about (requested, approved, refused, received): receivers.py queues its e-mail.
return_step = Signal()
