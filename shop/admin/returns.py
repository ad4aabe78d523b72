"""Returns in the back office: the list of return requests (lines and events inline, approve / refuse with a note
from the action bar), and the merchant's return rules per market (also inline on the market).

Every change goes through shop.services.returns (a locked move with its event); the admin never saves a status.
The warehouse's receiving desk is a separate admin view (added next to this module)."""

import io

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.helpers import ActionForm
from django.core.exceptions import PermissionDenied
from django.db.models import Sum
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from shop.models import ReturnEvent, ReturnLine, ReturnPolicy, ReturnReason, ReturnRequest
from shop.services.returns import ReturnError
from shop.services.returns.requests import approve_return, refuse_return


class ReturnPolicyForm(forms.ModelForm):
    auto_approve_reasons = forms.MultipleChoiceField(
        label=_("reasons approved without review"), choices=ReturnReason.choices, required=False, widget=forms.CheckboxSelectMultiple,
        help_text=_("Returns giving one of these reasons are approved at once; the others wait for staff."))

    class Meta:
        model = ReturnPolicy
        fields = ("market", "window_days", "auto_approve_reasons", "buyer_pays_return_shipping", "return_shipping_fee", "restocking_fee_percent")

    def clean_window_days(self):
        days = self.cleaned_data["window_days"]
        market = self.cleaned_data.get("market") or getattr(self.instance, "market", None)
        from shop.tax.treatments import EU_MEMBER_STATES

        if market is not None and days < 14 and {c.code for c in market.countries} & EU_MEMBER_STATES:
            raise forms.ValidationError(_("Buyers in the EU may withdraw within 14 days of delivery: the window cannot be shorter."))
        return days


class ReturnPolicyInline(admin.StackedInline):
    """On the market's page: its return rules."""

    model = ReturnPolicy
    form = ReturnPolicyForm
    extra = 0
    max_num = 1
    can_delete = True


@admin.register(ReturnPolicy)
class ReturnPolicyAdmin(admin.ModelAdmin):
    form = ReturnPolicyForm
    list_display = ("market", "window_days", "reasons", "buyer_pays_return_shipping", "return_shipping_fee", "restocking_fee_percent")
    list_select_related = ("market",)

    @admin.display(description=_("approved without review"))
    def reasons(self, obj):
        labels = dict(ReturnReason.choices)
        return ", ".join(str(labels.get(code, code)) for code in obj.auto_approve_reasons or []) or "—"


class ReturnLineInline(admin.TabularInline):
    model = ReturnLine
    extra = 0
    can_delete = False
    fields = ("order_line", "quantity", "exchange_variant", "quantity_received", "quantity_restocked", "quantity_written_off")
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("order_line", "exchange_variant")


class ReturnEventInline(admin.TabularInline):
    model = ReturnEvent
    extra = 0
    can_delete = False
    fields = ("at", "from_status", "to_status", "message", "user")
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("user")


class NoteActionForm(ActionForm):
    note = forms.CharField(label=_("Note"), required=False, max_length=300,
                           help_text=_("Required to refuse: the buyer reads it."))


@admin.register(ReturnRequest)
class ReturnRequestAdmin(admin.ModelAdmin):
    list_display = ("number", "created_at", "order", "email", "status", "resolution", "reason", "units", "warehouse")
    list_filter = ("status", "resolution", "reason", "warehouse", "order__market")
    search_fields = ("number", "order__number", "order__email")
    date_hierarchy = "created_at"
    list_select_related = ("order", "warehouse")
    list_per_page = 100
    inlines = [ReturnLineInline, ReturnEventInline]
    action_form = NoteActionForm
    actions = ("approve_returns", "refuse_returns")
    readonly_fields = ("order", "number", "status", "resolution", "reason", "comment", "photo_link", "warehouse", "staff_note", "refund_amount",
                       "created_at", "decided_at", "received_at", "closed_at")
    fields = readonly_fields

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(_units=Sum("lines__quantity"))

    def get_urls(self):
        # The buyer's photo (private storage, never served as media). The receiving desk adds its own view module.
        photo = self.admin_site.admin_view(self.photo_view, cacheable=True)  # it sets its own "private, no-store"
        return [path("<int:pk>/photo/", photo, name="shop_returnrequest_photo"), *super().get_urls()]

    def photo_view(self, request, pk):
        """The photo for staff who may view returns, typed by its content (Pillow), never by its name."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        found = get_object_or_404(ReturnRequest, pk=pk)
        if not found.photo:
            raise Http404
        from PIL import Image

        with found.photo.open("rb") as file:
            data = file.read()
        try:
            with Image.open(io.BytesIO(data)) as image:
                kind = (image.format or "").upper()
        except OSError:
            raise Http404 from None
        content_type = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp"}.get(kind)
        if content_type is None:
            raise Http404
        response = HttpResponse(data, content_type=content_type)
        response["Cache-Control"] = "private, no-store"
        response["Content-Disposition"] = "inline"
        return response

    @admin.display(description=_("photo"))
    def photo_link(self, obj):
        if not obj.photo:
            return "—"
        return format_html('<a href="{0}" target="_blank" rel="noopener"><img src="{0}" alt="" style="max-width:240px;max-height:240px;"></a>',
                           reverse("admin:shop_returnrequest_photo", kwargs={"pk": obj.pk}))

    def has_add_permission(self, request):
        return False  # returns are requested by buyers (or for them, from their order page)

    @admin.display(description=_("e-mail"), ordering="order__email")
    def email(self, obj):
        return obj.order.email

    @admin.display(description=_("units"), ordering="_units")
    def units(self, obj):
        return obj._units

    def _decide(self, request, queryset, decide, done_message):
        note = request.POST.get("note", "")
        moved, refused = 0, []
        for pk, number in queryset.values_list("pk", "number"):
            try:
                decide(pk, note, request.user)
                moved += 1
            except ReturnError as exc:
                refused.append(f"{number}: {exc}")
        if moved:
            self.message_user(request, done_message % {"n": moved}, messages.SUCCESS)
        for text in refused:
            self.message_user(request, text, messages.ERROR)

    @admin.action(description=_("Approve returns (with the note, if any)"), permissions=["change"])
    def approve_returns(self, request, queryset):
        self._decide(request, queryset, lambda pk, note, user: approve_return(pk, note, user), _("%(n)s return(s) approved."))

    @admin.action(description=_("Refuse returns (the note says why)"), permissions=["change"])
    def refuse_returns(self, request, queryset):
        self._decide(request, queryset, lambda pk, note, user: refuse_return(pk, note, user), _("%(n)s return(s) refused."))
