from celery import shared_task

from .services import delete_expired_reservations


@shared_task
def delete_expired_reservations_task() -> int:
    """Tidy expired reservations (they already count for nothing; availability filters on expires_at)."""
    return delete_expired_reservations()
