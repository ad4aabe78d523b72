from celery import shared_task

from .services import delete_expired_reservations
from .services.delays import flag_delayed_consignments


@shared_task
def delete_expired_reservations_task() -> int:
    """Tidy expired reservations (they already count for nothing; availability filters on expires_at)."""
    return delete_expired_reservations()


@shared_task
def flag_delayed_consignments_task() -> list[int]:
    """Beat: flag consignments late against their lane or stuck in customs (once each; the buyer is told once)."""
    return list(flag_delayed_consignments())


@shared_task
def compute_replenishment_task() -> int:
    """Beat, nightly: rebuild the replenishment report (lines written)."""
    from .services.replenishment import compute_replenishment

    return compute_replenishment()
