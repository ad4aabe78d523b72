"""Reads of returns for the buyer's pages, e-mails and the printable label: where the parcel goes (the warehouse's
address in its country's format), what to write on it, the lines, and the timeline with translated statuses.
Call inside translation.override(<buyer's language>) for text in that language."""

from django.db.models import Prefetch

from shop.formatting import address_lines, local_date, local_moment
from shop.models import Order, ReturnEvent, ReturnLine, ReturnRequest, ReturnStatus


def warehouse_address_lines(warehouse) -> list[str]:
    """The warehouse's address as the buyer writes it on the parcel: its stored lines (street, postcode and city)
    then its country, named in the active language."""
    lines = [warehouse.name]
    stored = [line.strip() for line in (warehouse.address or "").splitlines() if line.strip()]
    if stored:
        from shop.formatting import country_name

        lines += [line for line in stored if line != warehouse.name]
        name = country_name(warehouse.country.code)
        if name and stored[-1] != name:
            lines.append(name)
    else:
        lines = address_lines({"full_name": warehouse.name, "city": warehouse.city, "country": warehouse.country.code}, phone=False)
    return lines


def order_returns(order: Order) -> list[ReturnRequest]:
    return list(ReturnRequest.objects.filter(order=order).select_related("warehouse").prefetch_related(
        Prefetch("lines", queryset=ReturnLine.objects.select_related("order_line", "exchange_variant")),
        Prefetch("events", queryset=ReturnEvent.objects.order_by("at", "pk")),
    ).order_by("created_at", "pk"))


def return_view(request: ReturnRequest, language: str, country: str | None = None) -> dict:
    """One return as pages, e-mails and the label show it (prefetched lines and events, or it queries them)."""
    return {
        "number": request.number,
        "status": request.status,
        "status_label": ReturnStatus(request.status).label,
        "resolution": request.get_resolution_display(),
        "reason": request.get_reason_display(),
        "comment": request.comment,
        "staff_note": request.staff_note,
        "requested": local_date(request.created_at, language=language, country=country) if request.created_at else "",
        "warehouse": request.warehouse.name,
        "address": warehouse_address_lines(request.warehouse),
        "lines": [{
            "name": f"{line.order_line.product_name} {line.order_line.variant_name}".strip(),
            "sku": line.order_line.sku, "quantity": line.quantity,
            "exchange": str(line.exchange_variant) if line.exchange_variant_id else "",
        } for line in request.lines.all()],
        "timeline": [{
            "status": ReturnStatus(event.to_status).label, "at": local_moment(event.at, language=language, country=country),
            "note": event.message if event.to_status == ReturnStatus.REFUSED else "",
        } for event in request.events.all()],
        "may_send": request.status in (ReturnStatus.APPROVED,),
        "show_instructions": request.status in (ReturnStatus.REQUESTED, ReturnStatus.APPROVED, ReturnStatus.IN_TRANSIT),
    }


def find_return(order: Order, number: str) -> ReturnRequest | None:
    if "\x00" in number:
        return None
    return next((r for r in order_returns(order) if r.number == number), None)
