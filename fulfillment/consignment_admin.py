"""Admin for consignments and pick lists, and the packing desk: one screen per warehouse where staff do the
morning's work — make a pick list, pick (typing or scanning a SKU or EAN counts one unit), pack, print labels,
dispatch. Every button calls one fulfillment service; the page only parses and renders."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Prefetch, Q
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from fulfillment import converters  # noqa: F401  (the row_id URL converter)
from fulfillment.admin_filters import DelayFilter
from fulfillment.models import (
    Carrier,
    Consignment,
    ConsignmentLine,
    ConsignmentStatus,
    PackagingType,
    Parcel,
    PickList,
    Stock,
    TrackingEvent,
    TrackingKind,
    Warehouse,
)
from fulfillment.selectors import pick_list_rows
from fulfillment.services.dispatch import dispatch_consignment
from fulfillment.services.packing import ParcelSpec, pack_consignment
from fulfillment.services.picking import confirm_pick, create_pick_list
from fulfillment.services.stock import StockError
from fulfillment.services.tracking import TrackingError, record_tracking_event
from fulfillment.views import consignment_document_url, pick_list_document_url


class TrackingEventForm(forms.Form):
    kind = forms.ChoiceField(label=gettext_lazy("event"), choices=TrackingKind.choices)
    location = forms.CharField(label=gettext_lazy("where"), max_length=120, required=False)
    message = forms.CharField(label=gettext_lazy("message"), max_length=300, required=False)
    estimated_delivery = forms.DateField(label=gettext_lazy("new estimated delivery"), required=False)
    cod_collected = forms.BooleanField(label=gettext_lazy("cash collected"), required=False)


DESK_LIMIT = 40  # consignments per stage on the desk (oldest first); the rest wait for the next round


class ReadOnlyInline(admin.TabularInline):
    """Rows shown on a consignment, written only by the services (picking, packing, tracking)."""

    extra = 0
    can_delete = False

    def get_readonly_fields(self, request, obj=None):
        return self.fields

    def has_add_permission(self, request, obj=None):
        return False


class ConsignmentLineInline(ReadOnlyInline):
    model = ConsignmentLine
    fields = ("sku", "ean", "name", "quantity", "quantity_picked", "unit_value", "hs_code", "origin_country", "customs_description")


class ParcelInline(ReadOnlyInline):
    model = Parcel
    fields = ("packaging", "weight_grams", "length_mm", "width_mm", "height_mm")


class TrackingEventInline(ReadOnlyInline):
    model = TrackingEvent
    fields = ("at", "kind", "location", "message", "source", "user")


@admin.register(Consignment)
class ConsignmentAdmin(admin.ModelAdmin):
    list_display = ("number", "warehouse", "status", "destination", "method_name", "carrier", "tracking_number",
                    "promised_latest", "estimated_delivery", "co2e", "created_at")
    list_filter = ("status", DelayFilter, "warehouse", "needs_customs", ("carrier", admin.RelatedOnlyFieldListFilter))
    list_select_related = ("warehouse", "carrier")
    search_fields = ("number", "tracking_number", "email")
    date_hierarchy = None
    show_full_result_count = False  # no second COUNT(*) over every consignment on each page
    list_per_page = 50
    inlines = [ConsignmentLineInline, ParcelInline, TrackingEventInline]
    readonly_fields = ["record_event", *(f.name for f in Consignment._meta.fields if f.name not in ("id",))]

    def has_add_permission(self, request):
        return False  # consignments come from orders

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=gettext_lazy("CO2e (kg)"), ordering="co2e_grams")
    def co2e(self, obj):
        return obj.co2e_kg

    @admin.display(description=gettext_lazy("tracking"))
    def record_event(self, obj):
        if obj.pk is None or obj.status not in (ConsignmentStatus.DISPATCHED, ConsignmentStatus.DELIVERED, ConsignmentStatus.RETURNED):
            return "—"
        return format_html('<a class="button" href="{}">{}</a>', reverse("admin:fulfillment_consignment_track", args=[obj.pk]),
                           _("Record a tracking event"))

    def track_view(self, request, pk: int):
        """Staff record what the carrier reported (a phone call, the carrier's portal): one service call."""
        if not request.user.has_perm("fulfillment.change_consignment"):
            raise PermissionDenied
        consignment = get_object_or_404(Consignment, pk=pk)
        form = TrackingEventForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            try:
                record_tracking_event(consignment.pk, form.cleaned_data["kind"], location=form.cleaned_data["location"],
                                      message=form.cleaned_data["message"], source=TrackingEvent.Source.STAFF,
                                      estimated_delivery=form.cleaned_data["estimated_delivery"],
                                      cod_collected=form.cleaned_data["cod_collected"], user=request.user)
            except TrackingError as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(request, _("Tracking event recorded for %(number)s.") % {"number": consignment.number})
                return HttpResponseRedirect(reverse("admin:fulfillment_consignment_change", args=[consignment.pk]))
        return TemplateResponse(request, "admin/fulfillment/track.html", {
            **self.admin_site.each_context(request), "opts": self.model._meta, "form": form, "consignment": consignment,
            "title": _("Tracking event for %(number)s") % {"number": consignment.number},
        })

    def get_urls(self):
        desk = self.admin_site.admin_view(self.desk_view)
        return [
            path("<row_id:pk>/track/", self.admin_site.admin_view(self.track_view), name="fulfillment_consignment_track"),
            path("desk/", self.admin_site.admin_view(self.desk_index), name="fulfillment_desk"),
            path("desk/<row_id:warehouse_id>/", desk, name="fulfillment_desk_warehouse"),
            *super().get_urls(),
        ]

    # --- the packing desk ---------------------------------------------------------------------------------------

    def _check_desk_permission(self, request):
        if not request.user.has_perm("fulfillment.change_consignment"):
            raise PermissionDenied

    def desk_index(self, request):
        self._check_desk_permission(request)
        warehouses = (Warehouse.objects.filter(is_active=True)
                      .annotate(ready=Count("consignments", filter=Q(consignments__status=ConsignmentStatus.READY)),
                                open=Count("consignments", filter=Q(consignments__status__in=(
                                    ConsignmentStatus.PICKING, ConsignmentStatus.PICKED, ConsignmentStatus.PACKED))))
                      .order_by("priority", "code"))
        return TemplateResponse(request, "admin/fulfillment/desk_index.html",
                                {**self.admin_site.each_context(request), "title": _("Packing desk"), "warehouses": warehouses,
                                 "opts": self.model._meta})

    def desk_view(self, request, warehouse_id: int):
        self._check_desk_permission(request)
        warehouse = get_object_or_404(Warehouse, pk=warehouse_id)
        here = reverse("admin:fulfillment_desk_warehouse", args=[warehouse.pk])
        if request.method == "POST":
            self._desk_post(request, warehouse)
            anchor = request.POST.get("next_anchor", "")
            return HttpResponseRedirect(here + (f"#{anchor}" if anchor.isalnum() else ""))
        return TemplateResponse(request, "admin/fulfillment/desk.html", {
            **self.admin_site.each_context(request), **self._desk_context(warehouse), "opts": self.model._meta,
            "title": _("Packing desk: %(warehouse)s") % {"warehouse": warehouse.name},
        })

    def _desk_context(self, warehouse: Warehouse) -> dict:
        lines = Prefetch("lines", queryset=ConsignmentLine.objects.select_related("variant__product").order_by("pk"))
        base = Consignment.objects.filter(warehouse=warehouse).select_related("carrier").prefetch_related(lines, "parcels")
        stage = {s: list(base.filter(status=s).order_by("ready_at", "pk")[:DESK_LIMIT])
                 for s in (ConsignmentStatus.PICKING, ConsignmentStatus.PICKED, ConsignmentStatus.PACKED)}
        bins = dict(Stock.objects.filter(warehouse=warehouse, variant_id__in={
            line.variant_id for c in stage[ConsignmentStatus.PICKING] for line in c.lines.all()}).values_list("variant_id", "bin_location"))
        name_field = f"name_{warehouse.language.replace('-', '_')}"
        for consignment in stage[ConsignmentStatus.PICKING]:
            for line in consignment.lines.all():
                line.bin = bins.get(line.variant_id, "")
                product = line.variant.product if line.variant_id else None
                line.staff_name = (getattr(product, name_field, "") or line.name) if product else line.name  # staff read their language
        for consignment in stage[ConsignmentStatus.PACKED]:
            kinds = [("packing_slip", _("Packing slip"))]
            if consignment.needs_customs:
                kinds += [("commercial_invoice", _("Commercial invoice")), ("cn23", _("CN23"))]
            consignment.documents = [(label, _document_url(consignment, kind)) for kind, label in kinds]
        today = timezone.localdate()
        dispatched_today = list(base.filter(status=ConsignmentStatus.DISPATCHED, dispatched_at__date=today)
                                .order_by("-dispatched_at")[:DESK_LIMIT])
        for consignment in dispatched_today:
            consignment.documents = [(_("Labels"), _document_url(consignment, "label")),
                                     (_("Packing slip"), _document_url(consignment, "packing_slip"))]
        open_lists = list(PickList.objects.filter(warehouse=warehouse, completed_at__isnull=True).annotate(n=Count("consignments")))
        return {
            "warehouse": warehouse,
            "ready_count": Consignment.objects.filter(warehouse=warehouse, status=ConsignmentStatus.READY).count(),
            "open_lists": open_lists,
            "picking": stage[ConsignmentStatus.PICKING],
            "picked": stage[ConsignmentStatus.PICKED],
            "packed": stage[ConsignmentStatus.PACKED],
            "dispatched_today": dispatched_today,
            "packagings": list(PackagingType.objects.filter(is_active=True)),
            "carriers": list(Carrier.objects.filter(is_active=True)),
        }

    def _desk_post(self, request, warehouse: Warehouse) -> None:
        action = request.POST.get("action", "")
        try:
            if action == "pick_list":
                pick_list = create_pick_list(warehouse.pk, user=request.user)
                if pick_list is None:
                    messages.info(request, _("Nothing is ready to pick."))
                else:
                    messages.success(request, _("Pick list %(list)s: %(count)s consignments.")
                                     % {"list": pick_list, "count": pick_list.consignments.count()})
                return
            consignment = get_object_or_404(Consignment, pk=_int(request.POST.get("consignment")) or 0, warehouse=warehouse)
            if action == "pick":
                picked = {line.pk: request.POST.get(f"picked-{line.pk}", "") for line in consignment.lines.all()}
                result = confirm_pick(consignment.pk, picked, user=request.user)
                messages.success(request, _("%(number)s picked.") % {"number": consignment.number})
                for sku, quantity, elsewhere in result.moved:
                    messages.warning(request, _("%(sku)s: %(count)s short, now shipping from %(warehouse)s.")
                                     % {"sku": sku, "count": quantity, "warehouse": elsewhere})
                for sku, quantity in result.backordered:
                    messages.warning(request, _("%(sku)s: %(count)s short and back-ordered.") % {"sku": sku, "count": quantity})
            elif action == "pack":
                count = _int(request.POST.get("parcels")) or 1
                if not 1 <= count <= 20:
                    raise StockError(_("Pack into 1 to 20 parcels."))
                specs = [ParcelSpec(packaging_id=_int(request.POST.get("packaging")),
                                    weight_grams=request.POST.get("weight") or None) for _i in range(count)]
                pack_consignment(consignment.pk, specs, user=request.user)
                messages.success(request, _("%(number)s packed.") % {"number": consignment.number})
            elif action == "dispatch":
                _shipped, changed = dispatch_consignment(consignment.pk, tracking_number=request.POST.get("tracking_number", ""),
                                                         carrier_id=_int(request.POST.get("carrier")), user=request.user)
                if changed:
                    messages.success(request, _("%(number)s dispatched.") % {"number": consignment.number})
                else:
                    messages.info(request, _("%(number)s was already dispatched; nothing changed.") % {"number": consignment.number})
            else:
                messages.error(request, _("Unknown action."))
        except StockError as exc:
            messages.error(request, str(exc))


def _int(value) -> int | None:
    try:
        number = int(str(value).strip())
    except (TypeError, ValueError):
        return None
    return number if 0 < number < 2**31 else None


def _document_url(consignment, kind: str) -> str:
    """The staff link to one of a consignment's PDFs (fulfillment/documents)."""
    return consignment_document_url(consignment, kind)


@admin.register(PickList)
class PickListAdmin(admin.ModelAdmin):
    list_display = ("__str__", "warehouse", "created_at", "created_by", "consignment_count", "completed_at", "pick_page")
    list_filter = ("warehouse", ("completed_at", admin.EmptyFieldListFilter))
    list_select_related = ("warehouse", "created_by")
    show_full_result_count = False
    readonly_fields = ("warehouse", "created_at", "created_by", "completed_at")

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(_count=Count("consignments"))

    def has_add_permission(self, request):
        return False

    @admin.display(description=gettext_lazy("consignments"), ordering="_count")
    def consignment_count(self, obj):
        return obj._count

    @admin.display(description=gettext_lazy("pick list"))
    def pick_page(self, obj):
        return format_html('<a href="{}">{}</a>', reverse("admin:fulfillment_picklist_pick", args=[obj.pk]), _("open"))

    def get_urls(self):
        return [path("<row_id:pk>/pick/", self.admin_site.admin_view(self.pick_view), name="fulfillment_picklist_pick"), *super().get_urls()]

    def pick_view(self, request, pk: int):
        if not request.user.has_perm("fulfillment.view_picklist"):
            raise PermissionDenied
        pick_list = get_object_or_404(PickList.objects.select_related("warehouse"), pk=pk)
        return TemplateResponse(request, "admin/fulfillment/pick_list.html", {
            **self.admin_site.each_context(request), "opts": self.model._meta, "pick_list": pick_list,
            "rows": pick_list_rows(pick_list), "title": _("Pick list %(list)s: %(warehouse)s") % {"list": pick_list, "warehouse": pick_list.warehouse.name},
            "pdf_url": _pick_list_pdf_url(pick_list),
        })


def _pick_list_pdf_url(pick_list) -> str:
    return pick_list_document_url(pick_list)
