"""Tracking events: what happened to a dispatched consignment (picked up, in transit, at customs, delivered, …),
recorded by staff now and by carriers and partners through the API later. The API is a thin layer over
`record_tracking_event`: it passes carrier data straight in, so everything is validated here, with errors a
carrier can read (TrackingError), never a 500.

The consignment's state follows its events: delivered and returned close it, a new estimate moves its estimated
date, customs clearance ends a "stuck in customs" flag. An event arriving late (older than one already recorded) is
stored for the timeline but never moves the state backwards. A carrier resending an event (same external id) gets
the stored one back."""

import datetime
import logging

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from fulfillment.models import Consignment, ConsignmentStatus, TrackingEvent, TrackingKind
from fulfillment.signals import consignment_delivered, tracking_event_recorded

logger = logging.getLogger(__name__)

# A carrier's clock may run a little ahead of ours; an event further in the future is refused.
FUTURE_TOLERANCE = datetime.timedelta(minutes=5)
# Events are accepted on dispatched consignments, and (late duplicates, out-of-order scans) on closed ones.
TRACKABLE = (ConsignmentStatus.DISPATCHED, ConsignmentStatus.DELIVERED, ConsignmentStatus.RETURNED)
# The statuses an event closes a dispatched consignment with.
CLOSING = {TrackingKind.DELIVERED: ConsignmentStatus.DELIVERED, TrackingKind.RETURNED: ConsignmentStatus.RETURNED}


class TrackingError(ValueError):
    """The event cannot be recorded; the message (translated) says why."""


def _text(value, name: str, limit: int) -> str:
    """A short text from a carrier or a form: a string, without NUL bytes, at most `limit` characters."""
    if value is None:
        return ""
    if not isinstance(value, str):
        raise TrackingError(_("%(field)s must be text.") % {"field": name})
    if "\x00" in value:
        raise TrackingError(_("%(field)s contains a NUL character.") % {"field": name})
    value = value.strip()
    if len(value) > limit:
        raise TrackingError(_("%(field)s is too long: at most %(limit)d characters.") % {"field": name, "limit": limit})
    return value


def _moment(at, now: datetime.datetime) -> datetime.datetime:
    if at is None:
        return now
    if not isinstance(at, datetime.datetime):
        raise TrackingError(_("The time of the event must be a date and time."))
    if timezone.is_naive(at):
        raise TrackingError(_("The time of the event must include its time zone."))
    if at > now + FUTURE_TOLERANCE:
        raise TrackingError(_("The time of the event lies in the future."))
    return at


def _estimate(value) -> datetime.date | None:
    if value is None:
        return None
    if isinstance(value, datetime.datetime) or not isinstance(value, datetime.date):
        raise TrackingError(_("The estimated delivery must be a date."))
    if not (datetime.date(2000, 1, 1) <= value <= datetime.date(2100, 12, 31)):
        raise TrackingError(_("The estimated delivery is not a plausible date."))
    return value


def record_tracking_event(consignment_id: int, kind: str, *, at=None, location: str = "", message: str = "",
                          source: str = TrackingEvent.Source.STAFF, external_id: str = "", estimated_delivery=None,
                          cod_collected: bool = False, user=None) -> tuple[TrackingEvent, bool]:
    """Record what happened to a dispatched consignment. Returns (event, created): a carrier sending the same
    `external_id` again gets the stored event and created False. Raises TrackingError for an event that cannot be
    recorded (unknown kind, a consignment not dispatched, a time in the future, bad text), and
    Consignment.DoesNotExist for an unknown consignment. Signals (after commit): tracking_event_recorded, and
    consignment_delivered when this event delivered it."""
    now = timezone.now()
    if kind not in TrackingKind.values:
        raise TrackingError(_("Unknown tracking event: %(kind)s.") % {"kind": str(kind)[:40].replace("\x00", "")})
    if source not in TrackingEvent.Source.values:
        raise TrackingError(_("Unknown source of a tracking event."))
    if not isinstance(cod_collected, bool):
        raise TrackingError(_("Whether cash was collected must be true or false."))
    if cod_collected and kind != TrackingKind.DELIVERED:
        raise TrackingError(_("Cash can only be collected on delivery."))
    at = _moment(at, now)
    location = _text(location, _("The location"), TrackingEvent._meta.get_field("location").max_length)
    message = _text(message, _("The message"), TrackingEvent._meta.get_field("message").max_length)
    external_id = _text(external_id, _("The event id"), TrackingEvent._meta.get_field("external_id").max_length)
    estimated_delivery = _estimate(estimated_delivery)
    try:
        with transaction.atomic():
            return _record(consignment_id, kind, at=at, location=location, message=message, source=source,
                           external_id=external_id, estimated_delivery=estimated_delivery, cod_collected=cod_collected,
                           user=user, now=now)
    except IntegrityError:
        # Only reachable when the row lock could not serialise two writers (it does on PostgreSQL): the same
        # external id was stored meanwhile.
        existing = TrackingEvent.objects.filter(consignment_id=consignment_id, external_id=external_id).first() if external_id else None
        if existing is None:
            raise
        return existing, False


def _record(consignment_id, kind, *, at, location, message, source, external_id, estimated_delivery, cod_collected, user, now):
    consignment = Consignment.objects.select_for_update().get(pk=consignment_id)
    if external_id:
        existing = TrackingEvent.objects.filter(consignment=consignment, external_id=external_id).first()
        if existing is not None:
            return existing, False
    if consignment.status not in TRACKABLE:
        raise TrackingError(_("Consignment %(number)s has not been dispatched, so it has no tracking yet.")
                            % {"number": consignment.number})
    if consignment.dispatched_at is not None and at < consignment.dispatched_at - datetime.timedelta(days=1):
        raise TrackingError(_("The time of the event lies before the consignment was dispatched."))
    latest = TrackingEvent.objects.filter(consignment=consignment).order_by("-at", "-pk").values_list("at", flat=True).first()
    is_newest = latest is None or at >= latest
    event = TrackingEvent.objects.create(
        consignment=consignment, kind=kind, at=at, location=location, message=message, source=source,
        external_id=external_id, estimated_delivery=estimated_delivery, cod_collected=cod_collected,
        user=user if user is not None and getattr(user, "is_authenticated", False) else None,
    )
    fields = []
    delivered_now = False
    if consignment.status == ConsignmentStatus.DISPATCHED and kind in CLOSING:
        # Delivered or returned closes it whenever the carrier says so: nothing after that moves it back.
        consignment.status = CLOSING[kind]
        fields.append("status")
        if kind == TrackingKind.DELIVERED:
            consignment.delivered_at = at
            fields.append("delivered_at")
            delivered_now = True
    if consignment.status == ConsignmentStatus.DISPATCHED and is_newest:
        if estimated_delivery is not None and estimated_delivery != consignment.estimated_delivery:
            consignment.estimated_delivery = estimated_delivery
            fields.append("estimated_delivery")
        if kind == TrackingKind.CUSTOMS_CLEARED and consignment.customs_stuck_since is not None:
            consignment.customs_stuck_since = None
            fields.append("customs_stuck_since")
    if fields:
        consignment.save(update_fields=fields)
    transaction.on_commit(lambda: _announce(consignment, event, delivered_now))
    return event, True


def _announce(consignment: Consignment, event: TrackingEvent, delivered: bool) -> None:
    """Tell shop (order states, e-mails) once the event is committed. A failing listener is logged; the event stays."""
    signals = [tracking_event_recorded] + ([consignment_delivered] if delivered else [])
    for signal in signals:
        for receiver, result in signal.send_robust(sender=Consignment, consignment=consignment, event=event):
            if isinstance(result, Exception):
                logger.error("consignment %s: %s failed on tracking event %s", consignment.number, receiver, event.pk,
                             exc_info=(type(result), result, result.__traceback__))
