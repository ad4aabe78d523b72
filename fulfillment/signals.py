"""What fulfillment tells the rest of the shop (it never imports shop: shop's receivers turn these into order
states and buyer e-mails). Every signal is sent after the change is committed (transaction.on_commit), with the
consignment as it was saved."""

from django.dispatch import Signal

# A consignment left the warehouse with a carrier and tracking number. kwargs: consignment.
consignment_dispatched = Signal()
# A tracking event was recorded (staff, carrier or partner). kwargs: consignment, event.
tracking_event_recorded = Signal()
# The carrier delivered it. kwargs: consignment, event (its cod_collected says whether cash was taken).
consignment_delivered = Signal()
# Picking found fewer units than promised; the shortfall was re-planned. kwargs: consignment, moved (list of
# (sku, quantity, warehouse name)) and backordered (list of (sku, quantity)).
consignment_short_picked = Signal()
# Beat found it late against its lane's transit time, or stuck at customs. kwargs: consignment, reason ("late" or
# "customs"). Sent once per consignment and reason.
consignment_delayed = Signal()
