"""Credit notes in the back-office: the list (with their PDFs, for staff allowed to view credit notes) and the
"refund lines" page reached from an order (a shipped line cancelled, or a parcel the carrier lost), which issues a
credit note and pays the money back (shop.services.returns.payback)."""

from decimal import Decimal

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from fulfillment.models import Consignment, ConsignmentStatus
from payments.services import RefundError as PaymentRefundError
from shop.models import CreditNote, CreditNoteLine, Order
from shop.money import format_money
from shop.services.returns.payback import lost_parcel_quantities, pay_back, refund_lines, refund_return
from shop.services.returns.refunds import RefundError, credited_units
from shop.views.credit_notes import credit_note_response


class CreditNoteLineInline(admin.TabularInline):
    model = CreditNoteLine
    extra = 0
    fields = ("description", "quantity", "tax_rate", "net", "tax", "gross")
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(CreditNote)
class CreditNoteAdmin(admin.ModelAdmin):
    list_display = ("number", "order", "invoice", "cause", "return_request", "total_display", "fees_display", "issued_at", "pdf_link")
    list_filter = ("cause", "year", "currency")
    search_fields = ("number", "order__number", "invoice__number", "return_request__number")
    list_select_related = ("order", "invoice", "return_request")
    readonly_fields = ("number", "order", "invoice", "return_request", "cause", "year", "sequence", "currency", "total_net",
                       "total_tax", "total_gross", "fees", "issued_at", "pdf_link")
    exclude = ("pdf",)
    inlines = [CreditNoteLineInline]
    actions = ["pay_back_again"]

    def get_urls(self):
        pdf = self.admin_site.admin_view(self.pdf_view, cacheable=True)  # it sets its own "private, no-store"
        return [
            path("<int:pk>/pdf/", pdf, name="shop_creditnote_pdf"),
            path("refund/<int:order_pk>/", self.admin_site.admin_view(self.refund_view), name="shop_creditnote_refund"),
            *super().get_urls(),
        ]

    def pdf_view(self, request, pk):
        """The credit note PDF for staff allowed to view credit notes (the file itself is private)."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        return credit_note_response(get_object_or_404(CreditNote, pk=pk))

    def refund_view(self, request, order_pk):
        """Refund units of an order's shipped lines (cause: a line cancelled after it shipped) or a whole lost parcel."""
        if not request.user.has_perm("shop.add_creditnote"):
            raise PermissionDenied
        order = get_object_or_404(Order, pk=order_pk)
        form = RefundLinesForm(order, request.POST or None)
        if request.method == "POST" and form.is_valid():
            try:
                note = refund_lines(order.pk, form.quantities(), cause=form.cleaned_data["cause"], fees=form.cleaned_data["fees"] or Decimal(0),
                                    user=request.user)
            except (RefundError, PaymentRefundError) as exc:
                form.add_error(None, str(exc))
            else:
                self.message_user(request, _("Credit note %(number)s issued: %(amount)s refunded.")
                                  % {"number": note.number, "amount": format_money(note.total_gross - note.fees, note.currency, "en")},
                                  messages.SUCCESS)
                return HttpResponseRedirect(reverse("admin:shop_order_change", args=[order.pk]))
        return TemplateResponse(request, "admin/shop/refund_lines.html", {
            **self.admin_site.each_context(request), "opts": self.model._meta, "order": order, "form": form,
            "title": _("Refund lines of order %(number)s") % {"number": order.number},
        })

    @admin.action(description=_("Pay back again (after a failed refund)"), permissions=["view"])
    def pay_back_again(self, request, queryset):
        """Retry the money of credit notes whose refund failed; already refunded ones are not refunded twice."""
        if not request.user.has_perm("shop.add_creditnote"):
            raise PermissionDenied
        for note in queryset.select_related("return_request"):
            try:
                if note.return_request_id:
                    refund_return(note.return_request_id, user=request.user)
                else:
                    pay_back(note, user=request.user)
            except (RefundError, PaymentRefundError) as exc:
                self.message_user(request, f"{note.number}: {exc}", messages.ERROR)
            else:
                self.message_user(request, _("%(number)s: paid back.") % {"number": note.number}, messages.SUCCESS)

    def has_add_permission(self, request):
        return False  # issued by refunds only (the refund page, returns)

    def has_change_permission(self, request, obj=None):
        return False  # a credit note, like an invoice, never changes

    def has_delete_permission(self, request, obj=None):
        return False  # numbers are gapless

    @admin.display(description=_("total"), ordering="total_gross")
    def total_display(self, note):
        return format_money(note.total_gross, note.currency, "en")

    @admin.display(description=_("fees deducted"), ordering="fees")
    def fees_display(self, note):
        return format_money(note.fees, note.currency, "en") if note.fees else "—"

    @admin.display(description=_("PDF"))
    def pdf_link(self, note):
        return format_html('<a href="{}">{}</a>', reverse("admin:shop_creditnote_pdf", kwargs={"pk": note.pk}),
                           f"credit-note-{note.number}.pdf")


class RefundLinesForm(forms.Form):
    """Units to refund per order line, or one lost consignment (all its units); optional fees."""

    cause = forms.ChoiceField(label=_("cause"), choices=[(CreditNote.Cause.CANCELLED_LINE, CreditNote.Cause.CANCELLED_LINE.label),
                                                         (CreditNote.Cause.LOST_PARCEL, CreditNote.Cause.LOST_PARCEL.label)])
    consignment = forms.ChoiceField(label=_("lost parcel"), required=False,
                                    help_text=_("Refund everything in this parcel (the units below are then ignored)."))
    fees = forms.DecimalField(label=_("fees deducted"), required=False, min_value=0, max_digits=12, decimal_places=3)

    def __init__(self, order, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.order = order
        done = credited_units(order)
        consignments = Consignment.objects.filter(order_id=order.pk).exclude(status=ConsignmentStatus.CANCELLED).order_by("pk")
        self.fields["consignment"].choices = [("", "—"), *[(c.pk, f"{c.number} ({c.get_status_display()})") for c in consignments]]
        self.line_fields = []
        for line in order.lines.all():
            left = line.quantity - done.get(line.pk, (0,))[0]
            name = f"line_{line.pk}"
            self.fields[name] = forms.IntegerField(label=f"{line.sku} · {line.product_name} ({left}/{line.quantity})", min_value=0,
                                                   max_value=left, initial=0, required=False)
            self.line_fields.append((line, name))

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("consignment"):
            cleaned["cause"] = CreditNote.Cause.LOST_PARCEL
        elif not any(cleaned.get(name) for _line, name in self.line_fields):
            raise forms.ValidationError(_("Choose the units to refund, or a lost parcel."))
        return cleaned

    def quantities(self) -> dict[int, int]:
        if self.cleaned_data.get("consignment"):
            consignment = Consignment.objects.get(pk=self.cleaned_data["consignment"], order_id=self.order.pk)
            quantities = lost_parcel_quantities(consignment)
            if not quantities:
                raise RefundError(_("Everything in this parcel was refunded already."))
            return quantities
        return {line.pk: self.cleaned_data[name] for line, name in self.line_fields if self.cleaned_data.get(name)}


@admin.action(description=_("Refund lines or a lost parcel…"))
def refund_lines_action(modeladmin, request, queryset):
    """From the order list: open the refund page of the (one) selected order."""
    orders = list(queryset.values_list("pk", flat=True)[:2])
    if len(orders) != 1:
        modeladmin.message_user(request, _("Select one order to refund lines of."), messages.WARNING)
        return None
    return HttpResponseRedirect(reverse("admin:shop_creditnote_refund", args=[orders[0]]))


def credit_notes_display(order):
    """On the order's admin page: its credit notes with their PDFs, and the way to refund lines or a lost parcel."""
    notes = format_html_join(" · ", '<a href="{}">{}</a> ({})', (
        (reverse("admin:shop_creditnote_pdf", kwargs={"pk": note.pk}), note.number, format_money(note.total_gross - note.fees, note.currency, "en"))
        for note in order.credit_notes.order_by("year", "sequence")
    ))
    link = format_html('<a class="button" href="{}">{}</a>', reverse("admin:shop_creditnote_refund", args=[order.pk]),
                       _("Refund lines or a lost parcel…"))
    return format_html("{}{}{}", notes, " · " if notes else "", link)
