"""Packing a picked consignment into one or more parcels (packaging, weight, dimensions). Packing again replaces
the parcels (a box swapped at the desk); once dispatched, parcels are fixed."""

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from fulfillment.models import Consignment, ConsignmentStatus, PackagingType, Parcel
from fulfillment.services.stock import StockError

MAX_PARCEL_GRAMS = 70_000
MAX_SIDE_MM = 3_000
MAX_PARCELS = 50


class PackingError(StockError):
    """Packing that is refused; the message is for staff."""


@dataclass(frozen=True)
class ParcelSpec:
    packaging_id: int | None = None
    weight_grams: int | None = None  # None: the goods' share plus the packaging's own weight
    length_mm: int | None = None  # None: the packaging's
    width_mm: int | None = None
    height_mm: int | None = None


def _whole(value, label: str, upper: int) -> int:
    try:
        number = int(str(value).strip())
    except (TypeError, ValueError):
        raise PackingError(_("%(field)s: enter a whole number.") % {"field": label}) from None
    if not 1 <= number <= upper:
        raise PackingError(_("%(field)s must be between 1 and %(max)s.") % {"field": label, "max": upper})
    return number


def pack_consignment(consignment_id: int, parcels: list[ParcelSpec], *, user=None) -> Consignment:
    """Put the picked consignment into `parcels` (at least one). Without a weight, each parcel gets an equal share of
    the goods' weight plus its packaging's empty weight; without dimensions, the packaging's."""
    if not parcels:
        raise PackingError(_("Pack it into at least one parcel."))
    if len(parcels) > MAX_PARCELS:
        raise PackingError(_("At most %(count)s parcels per consignment.") % {"count": MAX_PARCELS})
    with transaction.atomic():
        consignment = Consignment.objects.select_for_update().get(pk=consignment_id)
        if consignment.status not in (ConsignmentStatus.PICKED, ConsignmentStatus.PACKED):
            raise PackingError(_("%(number)s is %(status)s: only picked consignments are packed.")
                               % {"number": consignment.number, "status": consignment.get_status_display()})
        packaging = {p.pk: p for p in PackagingType.objects.filter(pk__in=[s.packaging_id for s in parcels if s.packaging_id])}
        share = max(1, consignment.weight_grams // len(parcels)) if consignment.weight_grams else 1
        rows = []
        for spec in parcels:
            pack = packaging.get(spec.packaging_id) if spec.packaging_id else None
            if spec.packaging_id and pack is None:
                raise PackingError(_("Choose a packaging from the list."))
            weight = spec.weight_grams if spec.weight_grams not in (None, "") else share + (pack.tare_grams if pack else 0)
            dims = [spec.length_mm, spec.width_mm, spec.height_mm]
            if any(d in (None, "") for d in dims):
                if pack is None:
                    raise PackingError(_("Give the parcel's dimensions or choose a packaging."))
                dims = [d if d not in (None, "") else default for d, default in zip(dims, (pack.length_mm, pack.width_mm, pack.height_mm), strict=True)]
            rows.append(Parcel(
                consignment=consignment, packaging=pack, weight_grams=_whole(weight, _("Weight (g)"), MAX_PARCEL_GRAMS),
                length_mm=_whole(dims[0], _("Length (mm)"), MAX_SIDE_MM), width_mm=_whole(dims[1], _("Width (mm)"), MAX_SIDE_MM),
                height_mm=_whole(dims[2], _("Height (mm)"), MAX_SIDE_MM),
            ))
        consignment.parcels.all().delete()
        Parcel.objects.bulk_create(rows)
        consignment.status = ConsignmentStatus.PACKED
        consignment.packed_at = timezone.now()
        consignment.save(update_fields=["status", "packed_at"])
    return consignment
