"""Reads of an order's credit notes for the buyer's pages: number, date, why, how much went back, and the link to the
PDF (the account's download for a signed-in buyer, the tracking link's for a guest)."""

from django.urls import reverse

from shop.formatting import local_date
from shop.money import format_money


def credit_note_rows(order, notes, language: str, *, token: str | None = None) -> list[dict]:
    """`notes`: the order's credit notes (already loaded). With `token`, the links go through the guest's tracking
    link; else through the buyer's account."""
    rows = []
    for note in notes:
        if token is not None:
            url = reverse("shop:tracking-credit-note", kwargs={"token": token, "credit_note": note.number})
        else:
            url = reverse("shop:account-credit-note", kwargs={"number": order.number, "credit_note": note.number})
        rows.append({
            "number": note.number,
            "date": local_date(note.issued_at, "medium", language),
            "cause": note.get_cause_display(),
            "total": format_money(note.total_gross, note.currency, language),
            "fees": format_money(note.fees, note.currency, language) if note.fees else "",
            "refunded": format_money(note.total_gross - note.fees, note.currency, language),
            "url": url,
        })
    return rows
