"""Celery tasks: thin wrappers that load ids and call one service (idempotent, retried with backoff)."""

from celery import shared_task
from django.core.management import call_command

from shop.models import Invoice
from shop.services.cart import delete_abandoned_carts
from shop.services.emails import send_order_confirmation, send_order_status_email, send_refund_email
from shop.services.invoices import ensure_invoice_pdf
from shop.services.orders import cancel_unpaid_orders
from shop.services.pricing import refresh_market_prices
from shop.services.returns.emails import send_return_email
from shop.services.tracking_emails import send_delay_email, send_dispatch_email, send_short_pick_email


@shared_task(autoretry_for=(Exception,), retry_backoff=True, max_retries=5)
def refresh_market_prices_task(product_ids: list[int] | None = None) -> int:
    """Recompute listing prices (all products when product_ids is None)."""
    return refresh_market_prices(product_ids)


@shared_task(autoretry_for=(Exception,), retry_backoff=True, retry_backoff_max=600, retry_jitter=True, max_retries=5)
def send_order_confirmation_task(order_id: int) -> bool:
    """Send the order confirmation (once: a retry after a sent mail sends nothing)."""
    return send_order_confirmation(order_id)


@shared_task(autoretry_for=(Exception,), retry_backoff=True, retry_backoff_max=600, retry_jitter=True, max_retries=5)
def send_refund_email_task(order_id: int, amount: str, key: str, reason: str = "") -> bool:
    """Tell the buyer about a refund (once per refund: `key` names it)."""
    return send_refund_email(order_id, amount, key, reason)


@shared_task(autoretry_for=(Exception,), retry_backoff=True, retry_backoff_max=600, retry_jitter=True, max_retries=5)
def render_invoice_pdf_task(invoice_id: int) -> str:
    """Render and store the invoice's PDF if it has none yet; returns the stored file name."""
    invoice = Invoice.objects.get(pk=invoice_id)
    ensure_invoice_pdf(invoice)
    return invoice.pdf.name


@shared_task
def cancel_unpaid_orders_task() -> list[str]:
    """Beat: cancel bank-transfer orders unpaid after CARAVAN_UNPAID_ORDER_HOURS and release their stock."""
    return cancel_unpaid_orders()


@shared_task(autoretry_for=(Exception,), retry_backoff=True, retry_backoff_max=600, retry_jitter=True, max_retries=5)
def send_order_status_email_task(order_id: int, kind: str) -> bool:
    """Payment received / order cancelled e-mail (once per order and kind)."""
    return send_order_status_email(order_id, kind)


@shared_task
def delete_abandoned_carts_task() -> int:
    """Beat: delete guest carts untouched for CARAVAN_ABANDONED_CART_DAYS (their stock holds released)."""
    return delete_abandoned_carts()


@shared_task
def clear_expired_sessions_task() -> None:
    """Beat: delete expired sessions (Django's `clearsessions`, for the configured session engine)."""
    call_command("clearsessions")


@shared_task(autoretry_for=(Exception,), retry_backoff=True, retry_backoff_max=600, retry_jitter=True, max_retries=5)
def send_dispatch_email_task(consignment_id: int) -> bool:
    """"Your parcel is on its way" (once per consignment)."""
    return send_dispatch_email(consignment_id)


@shared_task(autoretry_for=(Exception,), retry_backoff=True, retry_backoff_max=600, retry_jitter=True, max_retries=5)
def send_delay_email_task(consignment_id: int, reason: str) -> bool:
    """A parcel is late or held at customs (the buyer is told once per consignment)."""
    return send_delay_email(consignment_id, reason)


@shared_task(autoretry_for=(Exception,), retry_backoff=True, retry_backoff_max=600, retry_jitter=True, max_retries=5)
def send_short_pick_email_task(consignment_id: int, moved: list, backordered: list) -> bool:
    """Items were missing at picking: the buyer hears what ships from elsewhere and what is back-ordered."""
    return send_short_pick_email(consignment_id, [tuple(m) for m in moved], [tuple(b) for b in backordered])


@shared_task(autoretry_for=(Exception,), retry_backoff=True, retry_backoff_max=600, retry_jitter=True, max_retries=5)
def render_credit_note_pdf_task(credit_note_id: int) -> str:
    """Render and store the credit note's PDF if it has none yet; returns the stored file name."""
    from shop.models import CreditNote
    from shop.services.returns.credit_notes import ensure_credit_note_pdf

    note = CreditNote.objects.get(pk=credit_note_id)
    ensure_credit_note_pdf(note)
    return note.pdf.name


@shared_task(autoretry_for=(Exception,), retry_backoff=True, retry_backoff_max=600, retry_jitter=True, max_retries=5)
def send_credit_note_email_task(credit_note_id: int) -> bool:
    """E-mail the buyer their credit note, PDF attached (once per credit note)."""
    from shop.services.returns.credit_notes import send_credit_note_email

    return send_credit_note_email(credit_note_id)


@shared_task(autoretry_for=(Exception,), retry_backoff=True, retry_backoff_max=600, retry_jitter=True, max_retries=5)
def send_return_email_task(return_id: int, step: str) -> bool:
    """A return's e-mail for one step (requested, approved, refused, received), once per return and step."""
    return send_return_email(return_id, step)
