"""The returns desk (admin → Returns to receive): the warehouse opens the parcel, finds the return by its number (the
search field takes a scan), then per line counts units back on sale — each scan of a SKU or EAN counts one — and units
damaged, with a note. One service call books it (shop/services/returns/receiving.py). A refund return is refunded
as soon as nothing more is expected (or when staff press "refund what arrived" for a parcel that came back short): a
credit note and the money back through the payment provider (shop/services/returns/payback.py)."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import F, Sum
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from fulfillment import converters  # noqa: F401  (the row_id URL converter)
from shop.models import ReturnLine, ReturnRequest, ReturnResolution, ReturnStatus
from shop.models.returns import ReturnToReceive
from shop.services.returns import LineReceipt, ReturnError, receive_return
from shop.services.returns.exchanges import ship_exchange
from shop.services.returns.payback import refund_return
from shop.services.returns.receiving import RECEIVABLE, units_still_expected
from shop.services.returns.refunds import RefundError


@admin.register(ReturnToReceive)
class ReturnReceivingAdmin(admin.ModelAdmin):
    list_display = ("number", "receive_link", "order", "warehouse", "status", "units_expected", "reason", "created_at")
    list_filter = ("warehouse", "status")
    list_select_related = ("order", "warehouse")
    search_fields = ("number", "order__number", "lines__order_line__sku")
    show_full_result_count = False
    list_per_page = 50

    def get_queryset(self, request):
        return (super().get_queryset(request).filter(status__in=RECEIVABLE)
                .annotate(_expected=Sum(F("lines__quantity") - F("lines__quantity_received"))))

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=gettext_lazy("units still expected"), ordering="_expected")
    def units_expected(self, obj):
        return obj._expected

    @admin.display(description=gettext_lazy("receive"))
    def receive_link(self, obj):
        return format_html('<a class="button" href="{}">{}</a>', reverse("admin:shop_returntoreceive_receive", args=[obj.pk]), _("Receive"))

    def change_view(self, request, object_id, form_url="", extra_context=None):
        if not (str(object_id).isdigit() and len(str(object_id)) <= 9):
            raise Http404
        return HttpResponseRedirect(reverse("admin:shop_returntoreceive_receive", args=[object_id]))

    def get_urls(self):
        return [path("<row_id:pk>/receive/", self.admin_site.admin_view(self.receive_view), name="shop_returntoreceive_receive"),
                *super().get_urls()]

    def receive_view(self, request, pk: int):
        if not request.user.has_perm("shop.change_returnrequest"):
            raise PermissionDenied
        ret = get_object_or_404(ReturnToReceive.objects.select_related("order", "warehouse"), pk=pk)
        lines = list(ReturnLine.objects.filter(return_request=ret).select_related("order_line", "order_line__variant"))
        if request.method == "POST":
            receipts = {
                line.pk: LineReceipt(sellable=request.POST.get(f"sellable-{line.pk}", ""), damaged=request.POST.get(f"damaged-{line.pk}", ""),
                                     note=str(request.POST.get(f"note-{line.pk}", ""))[:200].replace("\x00", ""))
                for line in lines
            }
            refund_now = request.POST.get("refund") == "1"
            try:
                if any(r.sellable not in ("", None, "0") or r.damaged not in ("", None, "0") for r in receipts.values()):
                    received = receive_return(ret.pk, receipts, user=request.user)
                    messages.success(request, _("Return %(number)s received.") % {"number": ret.number})
                elif not refund_now:
                    raise ReturnError(_("Enter how many units arrived."))
                else:
                    received = ReturnRequest.objects.get(pk=ret.pk)
                complete = not units_still_expected(received)
                if received.resolution == ReturnResolution.REFUND and (complete or refund_now):
                    note = refund_return(ret.pk, user=request.user)
                    messages.success(request, _("Refunded with credit note %(number)s.") % {"number": note.number})
                elif received.resolution == ReturnResolution.EXCHANGE and complete:
                    sent = ship_exchange(ret.pk, user=request.user)
                    messages.success(request, _("Exchange ready to pick as %(numbers)s.") % {"numbers": ", ".join(c.number for c in sent)})
            except (ReturnError, RefundError) as exc:
                messages.error(request, str(exc))
                return HttpResponseRedirect(request.path)
            return HttpResponseRedirect(reverse("admin:shop_returntoreceive_changelist"))
        for line in lines:
            line.expected = line.quantity - line.quantity_received
            line.ean = line.order_line.variant.ean if line.order_line.variant_id else ""
        return TemplateResponse(request, "admin/shop/return_receive.html", {
            **self.admin_site.each_context(request), "opts": self.model._meta, "ret": ret, "lines": lines,
            "title": _("Receive return %(number)s") % {"number": ret.number},
            "receivable": ret.status in RECEIVABLE, "status_received": ReturnStatus.RECEIVED,
        })
