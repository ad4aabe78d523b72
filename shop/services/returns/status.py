"""The return state machine (shop.models.returns.RETURN_TRANSITIONS): one locked move at a time, each with its
ReturnEvent; a move that is not allowed raises ReturnError and changes nothing. A move to where the return already
is changes nothing either (a second press, a retried task)."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from shop.models import ReturnEvent, ReturnRequest, ReturnStatus
from shop.models.returns import RETURN_TRANSITIONS

TIMESTAMPS = {
    ReturnStatus.APPROVED: "decided_at", ReturnStatus.REFUSED: "decided_at", ReturnStatus.RECEIVED: "received_at",
    ReturnStatus.CLOSED: "closed_at", ReturnStatus.CANCELLED: "closed_at",
}


class ReturnError(ValueError):
    """A return step that is refused; the message (translated) says why."""


def move_return(return_id: int, to_status: str, *, user=None, message: str = "", only_from=None) -> tuple[ReturnRequest, bool]:
    """Move the return to `to_status` (locked). Returns (return, moved). Refuses moves RETURN_TRANSITIONS does not
    allow, and moves from a status outside `only_from` (the caller saw an older state)."""
    with transaction.atomic():
        request = ReturnRequest.objects.select_for_update().get(pk=return_id)
        old = ReturnStatus(request.status)
        if to_status == old:
            return request, False
        if only_from is not None and old not in only_from:
            raise ReturnError(_("This return changed meanwhile; reload it."))
        if to_status not in RETURN_TRANSITIONS[old]:
            raise ReturnError(_("A return that is %(old)s cannot become %(new)s.")
                              % {"old": old.label.lower(), "new": ReturnStatus(to_status).label.lower()})
        request.status = to_status
        fields = ["status"]
        stamp = TIMESTAMPS.get(ReturnStatus(to_status))
        if stamp and getattr(request, stamp) is None:
            setattr(request, stamp, timezone.now())
            fields.append(stamp)
        request.save(update_fields=fields)
        ReturnEvent.objects.create(return_request=request, from_status=old, to_status=to_status, message=str(message)[:300],
                                   user=user if user is not None and getattr(user, "is_authenticated", False) else None)
    return request, True
