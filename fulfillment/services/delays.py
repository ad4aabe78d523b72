"""Beat's watch over parcels on their way: a consignment is late when it is still on its way after both the date the
buyer was promised and its lane's longest transit time from the day it really left (a late dispatch does not make
the carrier late twice); it is stuck in customs when the last word from the carrier is a customs hold older than
CARAVAN_CUSTOMS_STUCK_DAYS. Each flag is set once (late_since, customs_stuck_since), which lists it for staff
(admin_filters.DelayFilter), and `consignment_delayed` is sent once per consignment and reason; shop tells the
buyer once (buyer_told_delay_at, `note_buyer_told_of_delay`)."""

import datetime
import logging

from django.conf import settings
from django.db import transaction
from django.db.models import OuterRef, Subquery
from django.utils import timezone

from fulfillment.calendar import working_days_after
from fulfillment.models import Consignment, ConsignmentStatus, TrackingEvent, TrackingKind
from fulfillment.signals import consignment_delayed

logger = logging.getLogger(__name__)

LATE = "late"
CUSTOMS = "customs"


def due_date(consignment: Consignment) -> datetime.date:
    """The day by which it should have arrived: the promised date, or its lane's transit time counted from the day
    it was dispatched, whichever is later."""
    due = consignment.promised_latest
    if consignment.dispatched_at is not None:
        left = timezone.localdate(consignment.dispatched_at)
        due = max(due, working_days_after(left, consignment.transit_max_days, consignment.warehouse.country.code))
    return due


def flag_delayed_consignments(now: datetime.datetime | None = None) -> tuple[int, int]:
    """Flag dispatched consignments that are late or stuck in customs, once each. Returns (late, customs): how many
    were newly flagged. Safe to run twice (or in two workers at once): each flag is set under the row's lock."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    customs = _flag_stuck_in_customs(now)
    late = _flag_late(now, today)
    return late, customs


def _flag_stuck_in_customs(now: datetime.datetime) -> int:
    cutoff = now - datetime.timedelta(days=settings.CARAVAN_CUSTOMS_STUCK_DAYS)
    latest = TrackingEvent.objects.filter(consignment=OuterRef("pk")).order_by("-at", "-pk")
    candidates = (
        Consignment.objects.filter(status=ConsignmentStatus.DISPATCHED, customs_stuck_since=None)
        .annotate(latest_kind=Subquery(latest.values("kind")[:1]), latest_at=Subquery(latest.values("at")[:1]))
        .filter(latest_kind=TrackingKind.CUSTOMS_HOLD, latest_at__lt=cutoff)
        .values_list("pk", flat=True)
    )
    flagged = 0
    for pk in list(candidates):
        flagged += _flag(pk, CUSTOMS, now)
    return flagged


def _flag_late(now: datetime.datetime, today: datetime.date) -> int:
    # The promise is a lower bound of the due date: only those past it can be late (a small set, checked one by one).
    candidates = Consignment.objects.filter(status=ConsignmentStatus.DISPATCHED, late_since=None, promised_latest__lt=today)
    flagged = 0
    for consignment in candidates.select_related("warehouse").only("pk", "promised_latest", "dispatched_at", "transit_max_days",
                                                                   "warehouse__country"):
        if due_date(consignment) < today:
            flagged += _flag(consignment.pk, LATE, now)
    return flagged


def _flag(consignment_id: int, reason: str, since: datetime.datetime) -> int:
    field = "late_since" if reason == LATE else "customs_stuck_since"
    with transaction.atomic():
        consignment = Consignment.objects.select_for_update().filter(pk=consignment_id).first()
        if consignment is None or consignment.status != ConsignmentStatus.DISPATCHED or getattr(consignment, field) is not None:
            return 0  # delivered, or flagged by another worker meanwhile
        setattr(consignment, field, since)
        consignment.save(update_fields=[field])
        transaction.on_commit(lambda: _announce(consignment, reason))
    logger.info("consignment %s flagged %s", consignment.number, reason)
    return 1


def _announce(consignment: Consignment, reason: str) -> None:
    for receiver, result in consignment_delayed.send_robust(sender=Consignment, consignment=consignment, reason=reason):
        if isinstance(result, Exception):
            logger.error("consignment %s: %s failed on the %s flag", consignment.number, receiver, reason,
                         exc_info=(type(result), result, result.__traceback__))


def note_buyer_told_of_delay(consignment_id: int) -> bool:
    """Shop told the buyer about the delay: remember when (once). Returns False if they had been told already."""
    return bool(Consignment.objects.filter(pk=consignment_id, buyer_told_delay_at=None).update(buyer_told_delay_at=timezone.now()))
