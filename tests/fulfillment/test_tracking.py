"""Tracking events and beat's delay flags: one service records what carriers and staff report (a resent carrier event
is stored once, an undispatched consignment or nonsense input is refused with a clear error, a late-arriving old
event never moves the state back); beat flags late and stuck-in-customs consignments once each."""

import threading
from datetime import UTC, datetime, timedelta

import pytest
from django.db import connection, connections
from django.test import RequestFactory
from django.utils import timezone

from fulfillment.admin_filters import DelayFilter
from fulfillment.calendar import working_days_after as add_working_days
from fulfillment.models import Consignment, ConsignmentStatus, TrackingEvent, TrackingKind
from fulfillment.services import TrackingError, flag_delayed_consignments, record_tracking_event
from fulfillment.services.delays import due_date
from fulfillment.signals import consignment_delayed, consignment_delivered, tracking_event_recorded
from fulfillment.tasks import flag_delayed_consignments_task
from tests.fulfillment.tracking_helpers import mark_dispatched, shipped_order

pytestmark = pytest.mark.django_db


@pytest.fixture
def heard():
    """Signals fulfillment sent, as (signal name, consignment number, extra) tuples."""
    calls = []

    def listener(name):
        def receive(sender, consignment, **kwargs):
            calls.append((name, consignment.number, kwargs.get("reason") or getattr(kwargs.get("event"), "kind", None)))
        return receive

    receivers = {"recorded": listener("recorded"), "delivered": listener("delivered"), "delayed": listener("delayed")}
    tracking_event_recorded.connect(receivers["recorded"], weak=False)
    consignment_delivered.connect(receivers["delivered"], weak=False)
    consignment_delayed.connect(receivers["delayed"], weak=False)
    yield calls
    tracking_event_recorded.disconnect(receivers["recorded"])
    consignment_delivered.disconnect(receivers["delivered"])
    consignment_delayed.disconnect(receivers["delayed"])


def _ago(**kwargs):
    return timezone.now() - timedelta(**kwargs)


def test_a_carrier_resending_an_event_records_it_once(heard, django_capture_on_commit_callbacks):
    _, (consignment,) = shipped_order()
    with django_capture_on_commit_callbacks(execute=True):
        first, created = record_tracking_event(consignment.pk, TrackingKind.IN_TRANSIT, at=_ago(minutes=30), location="Leipzig HUB",
                                               source="carrier", external_id="dhl-1")
    with django_capture_on_commit_callbacks(execute=True):
        again, created_again = record_tracking_event(consignment.pk, TrackingKind.IN_TRANSIT, at=_ago(minutes=30),
                                                     source="carrier", external_id="dhl-1")
    assert created is True and created_again is False and again.pk == first.pk
    assert TrackingEvent.objects.filter(consignment=consignment).count() == 1
    assert heard == [("recorded", consignment.number, "in_transit")]  # the resend announces nothing
    # Staff events carry no external id: two are two.
    record_tracking_event(consignment.pk, TrackingKind.IN_TRANSIT, message="Called the depot")
    record_tracking_event(consignment.pk, TrackingKind.IN_TRANSIT, message="Called the depot")
    assert TrackingEvent.objects.filter(consignment=consignment).count() == 3


def test_delivery_closes_the_consignment_and_tells_shop(heard, django_capture_on_commit_callbacks):
    _, (consignment,) = shipped_order()
    record_tracking_event(consignment.pk, TrackingKind.PICKED_UP, at=_ago(minutes=50))
    delivered_at = _ago(minutes=5)
    with django_capture_on_commit_callbacks(execute=True):
        event, _ = record_tracking_event(consignment.pk, TrackingKind.DELIVERED, at=delivered_at, location="Paris", cod_collected=True)
    consignment.refresh_from_db()
    assert consignment.status == ConsignmentStatus.DELIVERED and consignment.delivered_at == delivered_at
    assert event.cod_collected is True
    assert ("delivered", consignment.number, "delivered") in heard


def test_an_old_event_arriving_late_is_stored_but_moves_nothing_back():
    _, (consignment,) = shipped_order()
    record_tracking_event(consignment.pk, TrackingKind.DELIVERED, at=_ago(minutes=10), external_id="d")
    # The carrier's earlier scan arrives after the delivery: on the timeline, not a step back.
    record_tracking_event(consignment.pk, TrackingKind.OUT_FOR_DELIVERY, at=_ago(minutes=40), external_id="o",
                          estimated_delivery=timezone.localdate() + timedelta(days=3))
    consignment.refresh_from_db()
    assert consignment.status == ConsignmentStatus.DELIVERED
    assert list(TrackingEvent.objects.filter(consignment=consignment).values_list("kind", flat=True)) == ["out_for_delivery", "delivered"]
    # A late duplicate of the delivery itself is harmless.
    _, created = record_tracking_event(consignment.pk, TrackingKind.DELIVERED, at=_ago(minutes=10), external_id="d")
    assert created is False


def test_estimates_follow_the_newest_event_only():
    _, (consignment,) = shipped_order()
    promised = consignment.promised_latest
    later = promised + timedelta(days=3)
    record_tracking_event(consignment.pk, TrackingKind.IN_TRANSIT, at=_ago(minutes=10), estimated_delivery=later)
    consignment.refresh_from_db()
    assert consignment.estimated_delivery == later
    # An older event with an older estimate does not undo the newer one.
    record_tracking_event(consignment.pk, TrackingKind.PICKED_UP, at=_ago(minutes=50), estimated_delivery=promised)
    consignment.refresh_from_db()
    assert consignment.estimated_delivery == later


def test_returned_to_sender_closes_it_as_returned():
    _, (consignment,) = shipped_order()
    record_tracking_event(consignment.pk, TrackingKind.RETURNED, at=_ago(minutes=5))
    consignment.refresh_from_db()
    assert consignment.status == ConsignmentStatus.RETURNED and consignment.delivered_at is None


def test_customs_clearance_ends_the_stuck_flag():
    _, (consignment,) = shipped_order()
    Consignment.objects.filter(pk=consignment.pk).update(customs_stuck_since=_ago(days=1))
    record_tracking_event(consignment.pk, TrackingKind.CUSTOMS_CLEARED, at=_ago(minutes=5))
    consignment.refresh_from_db()
    assert consignment.customs_stuck_since is None


def test_a_consignment_not_dispatched_has_no_tracking():
    _, (consignment,) = shipped_order(dispatch=False)
    with pytest.raises(TrackingError, match="has not been dispatched"):
        record_tracking_event(consignment.pk, TrackingKind.IN_TRANSIT)
    Consignment.objects.filter(pk=consignment.pk).update(status=ConsignmentStatus.CANCELLED)
    with pytest.raises(TrackingError):
        record_tracking_event(consignment.pk, TrackingKind.DELIVERED)
    assert not TrackingEvent.objects.exists()
    with pytest.raises(Consignment.DoesNotExist):
        record_tracking_event(consignment.pk + 1000, TrackingKind.IN_TRANSIT)


@pytest.mark.parametrize("kwargs,message", [
    ({"kind": "teleported"}, "Unknown tracking event"),
    ({"kind": "in_transit\x00"}, "Unknown tracking event"),
    ({"at": "2026-12-01T10:00:00Z"}, "must be a date and time"),
    ({"at": datetime(2026, 12, 1, 10, 0)}, "time zone"),
    ({"at": timezone.now() + timedelta(hours=2)}, "in the future"),
    ({"at": datetime(2020, 1, 1, tzinfo=UTC)}, "before the consignment was dispatched"),
    ({"location": "Leipzig\x00"}, "NUL"),
    ({"message": "x" * 5000}, "too long: at most 300"),
    ({"external_id": "e" * 65}, "too long: at most 64"),
    ({"message": 12}, "must be text"),
    ({"source": "hacker"}, "Unknown source"),
    ({"estimated_delivery": "tomorrow"}, "must be a date"),
    ({"estimated_delivery": datetime(2026, 12, 1, tzinfo=UTC)}, "must be a date"),
    ({"estimated_delivery": datetime(9999, 12, 1).date()}, "not a plausible date"),
    ({"cod_collected": "yes"}, "true or false"),
    ({"cod_collected": True}, "only be collected on delivery"),
])
def test_bad_input_is_a_clear_error_not_a_crash(kwargs, message):
    _, (consignment,) = shipped_order()
    kwargs = {"kind": TrackingKind.IN_TRANSIT, **kwargs}
    kind = kwargs.pop("kind")
    with pytest.raises(TrackingError, match=message):
        record_tracking_event(consignment.pk, kind, **kwargs)
    assert not TrackingEvent.objects.exists()


def test_errors_speak_the_active_language():
    from django.utils import translation

    _, (consignment,) = shipped_order(dispatch=False)
    with translation.override("de"), pytest.raises(TrackingError, match="noch nicht versandt"):
        record_tracking_event(consignment.pk, TrackingKind.IN_TRANSIT)


# --- Beat: late and stuck in customs --------------------------------------------------------------------------------


def test_due_date_is_the_later_of_the_promise_and_the_lane_from_dispatch():
    _, (consignment,) = shipped_order()
    monday = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)
    assert add_working_days(monday.date(), 4) == datetime(2026, 12, 4).date()  # Friday
    assert add_working_days(datetime(2026, 12, 4).date(), 1) == datetime(2026, 12, 7).date()  # over the weekend
    consignment.dispatched_at = monday
    consignment.promised_latest = datetime(2026, 12, 2).date()
    assert due_date(consignment) == datetime(2026, 12, 4).date()  # shipped late: the lane's 4 days count from dispatch
    consignment.promised_latest = datetime(2026, 12, 10).date()
    assert due_date(consignment) == datetime(2026, 12, 10).date()


def test_beat_flags_a_late_consignment_once(heard, django_capture_on_commit_callbacks):
    _, (late, on_time, late_dispatch) = shipped_order(warehouses=("berlin", "hamburg", "munich"))
    today = timezone.localdate()
    # Promised a week ago, dispatched two weeks ago: late.
    Consignment.objects.filter(pk=late.pk).update(promised_earliest=today - timedelta(days=9), promised_latest=today - timedelta(days=7),
                                                  dispatched_at=_ago(days=14))
    # Promised yesterday but only dispatched today: the carrier still has its 4 working days.
    Consignment.objects.filter(pk=late_dispatch.pk).update(promised_earliest=today - timedelta(days=3),
                                                           promised_latest=today - timedelta(days=1), dispatched_at=_ago(minutes=5))
    with django_capture_on_commit_callbacks(execute=True):
        assert flag_delayed_consignments_task.delay().get() == [1, 0]
    with django_capture_on_commit_callbacks(execute=True):
        assert flag_delayed_consignments_task.delay().get() == [0, 0]
    late.refresh_from_db()
    assert late.late_since is not None
    assert Consignment.objects.exclude(pk=late.pk).filter(late_since__isnull=False).count() == 0
    assert [call for call in heard if call[0] == "delayed"] == [("delayed", late.number, "late")]
    # Delivered consignments are never late.
    record_tracking_event(late_dispatch.pk, TrackingKind.DELIVERED)
    Consignment.objects.filter(pk=late_dispatch.pk).update(promised_earliest=today - timedelta(days=31), promised_latest=today - timedelta(days=30),
                                                           dispatched_at=_ago(days=40))
    assert flag_delayed_consignments() == (0, 0)


def test_beat_flags_a_parcel_stuck_in_customs_once(settings, heard, django_capture_on_commit_callbacks):
    settings.CARAVAN_CUSTOMS_STUCK_DAYS = 3
    _, (stuck, fresh, cleared) = shipped_order(warehouses=("berlin", "hamburg", "munich"))
    for consignment in (stuck, fresh, cleared):
        Consignment.objects.filter(pk=consignment.pk).update(dispatched_at=_ago(days=6))
    record_tracking_event(stuck.pk, TrackingKind.IN_TRANSIT, at=_ago(days=5))
    record_tracking_event(stuck.pk, TrackingKind.CUSTOMS_HOLD, at=_ago(days=4), location="Frankfurt")
    record_tracking_event(fresh.pk, TrackingKind.CUSTOMS_HOLD, at=_ago(days=1))
    record_tracking_event(cleared.pk, TrackingKind.CUSTOMS_HOLD, at=_ago(days=5))
    record_tracking_event(cleared.pk, TrackingKind.CUSTOMS_CLEARED, at=_ago(days=2))
    with django_capture_on_commit_callbacks(execute=True):
        assert flag_delayed_consignments() == (0, 1)
    with django_capture_on_commit_callbacks(execute=True):
        assert flag_delayed_consignments() == (0, 0)
    stuck.refresh_from_db()
    assert stuck.customs_stuck_since is not None
    assert [call for call in heard if call[0] == "delayed"] == [("delayed", stuck.number, "customs")]
    # Cleared at last: the flag goes; held again later and stuck again, it is flagged again (shop tells the buyer once).
    record_tracking_event(stuck.pk, TrackingKind.CUSTOMS_CLEARED, at=_ago(days=3, hours=12))
    stuck.refresh_from_db()
    assert stuck.customs_stuck_since is None
    record_tracking_event(stuck.pk, TrackingKind.CUSTOMS_HOLD, at=_ago(days=3, hours=6))
    assert flag_delayed_consignments() == (0, 1)


def test_staff_filter_lists_late_and_stuck_consignments():
    _, (late, stuck, fine) = shipped_order(warehouses=("berlin", "hamburg", "munich"))
    Consignment.objects.filter(pk=late.pk).update(late_since=_ago(hours=1))
    Consignment.objects.filter(pk=stuck.pk).update(customs_stuck_since=_ago(hours=1))
    request = RequestFactory().get("/")

    def listed(value):
        params = {"delay": [value]} if value else {}
        delay = DelayFilter(request, params, Consignment, None)
        return set(delay.queryset(request, Consignment.objects.all()).values_list("pk", flat=True))

    assert listed("late") == {late.pk}
    assert listed("customs") == {stuck.pk}
    assert listed("any") == {late.pk, stuck.pk}
    assert listed(None) == {late.pk, stuck.pk, fine.pk}
    assert [str(label) for _, label in DelayFilter(request, {}, Consignment, None).lookup_choices] == [
        "late or stuck in customs", "late", "stuck in customs"]


# --- Races (PostgreSQL) -----------------------------------------------------------------------------------------------


@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_a_carrier_delivering_the_same_event_twice_at_once_stores_it_once():
    _, (consignment,) = shipped_order(warehouses=("race-tracking",))
    mark_dispatched(consignment)
    results, barrier = [], threading.Barrier(6)
    at = _ago(minutes=3)

    def deliver():
        try:
            barrier.wait()
            results.append(record_tracking_event(consignment.pk, TrackingKind.DELIVERED, at=at, source="carrier",
                                                 external_id="dhl-delivered-1")[1])
        finally:
            connections.close_all()

    threads = [threading.Thread(target=deliver) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert sorted(results) == [False] * 5 + [True]
    assert TrackingEvent.objects.filter(consignment=consignment).count() == 1
    consignment.refresh_from_db()
    assert consignment.status == ConsignmentStatus.DELIVERED
