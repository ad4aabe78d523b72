"""The return state machine: every allowed move once, with its event; illegal moves refused and nothing written."""

import pytest

from shop.models import ReturnEvent, ReturnReason, ReturnRequest, ReturnStatus
from shop.models.returns import RETURN_TRANSITIONS
from shop.services.returns import ReturnError, move_return
from tests import factories as f

pytestmark = pytest.mark.django_db


def _return():
    order = f.OrderFactory()
    warehouse = f.WarehouseFactory(code="ret")
    return ReturnRequest.objects.create(order=order, number=f"{order.number}-R1", reason=ReturnReason.WRONG_SIZE, warehouse=warehouse)


@pytest.mark.parametrize("start", list(ReturnStatus))
def test_every_move_is_allowed_or_refused_by_the_table(start):
    for target in ReturnStatus:
        if target == start:
            continue
        request = _return()
        ReturnRequest.objects.filter(pk=request.pk).update(status=start)
        if target in RETURN_TRANSITIONS[start]:
            moved, changed = move_return(request.pk, target, message="ok")
            assert changed and moved.status == target
            assert ReturnEvent.objects.filter(return_request=request, from_status=start, to_status=target).count() == 1
        else:
            with pytest.raises(ReturnError):
                move_return(request.pk, target)
            assert ReturnRequest.objects.get(pk=request.pk).status == start
            assert not ReturnEvent.objects.filter(return_request=request).exists()


def test_a_second_press_changes_nothing_and_a_stale_page_is_refused():
    request = _return()
    assert move_return(request.pk, ReturnStatus.APPROVED)[1] is True
    assert move_return(request.pk, ReturnStatus.APPROVED)[1] is False
    assert ReturnEvent.objects.filter(return_request=request).count() == 1
    with pytest.raises(ReturnError):
        move_return(request.pk, ReturnStatus.REFUSED, only_from=[ReturnStatus.REQUESTED])
    request.refresh_from_db()
    assert request.decided_at is not None and request.status == ReturnStatus.APPROVED
