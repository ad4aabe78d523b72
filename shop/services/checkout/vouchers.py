"""Vouchers: finding a code, whether this cart may use it now, and the discount it gives. Checked once for what the
buyer sees (the quote) and, when the order is placed, once more with the voucher's row locked (the quote that
placing builds from a CheckoutInfo loaded with `lock_voucher`): that check is the guard against two orders using
its last redemption at once."""

from decimal import Decimal

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from shop.email_identity import normalized_email
from shop.formatting import active_language
from shop.fx import convert
from shop.models import Cart, Voucher, VoucherKind
from shop.models.orders import OrderStatus
from shop.money import format_money, quantize
from shop.plumbing.storefront_config import MarketInfo, StorefrontConfig
from shop.services.checkout.errors import VoucherError
from shop.tax import HUNDRED


def find_voucher(code: str) -> Voucher:
    code = (code or "").strip().upper()
    if not code:
        raise VoucherError(_("Enter a voucher code."))
    voucher = Voucher.objects.filter(code=code, is_active=True).first()
    if voucher is None:
        raise VoucherError(_("This voucher code is not valid."))
    return voucher


def check_voucher_for(voucher: Voucher, cart: Cart, market: MarketInfo, subtotal: Decimal, config: StorefrontConfig,
                      now=None) -> Voucher:
    """The voucher if this cart may use it now, else VoucherError saying why."""
    now = now or timezone.now()
    if not voucher.is_active:
        raise VoucherError(_("This voucher code is not valid."))
    market_ids = [m.pk for m in voucher.markets.all()]
    if market_ids and market.id not in market_ids:
        raise VoucherError(_("This voucher is not valid in the %(market)s shop.") % {"market": market.name(active_language())})
    if voucher.starts_at and now < voucher.starts_at:
        raise VoucherError(_("This voucher is not valid yet."))
    if voucher.ends_at and now >= voucher.ends_at:
        raise VoucherError(_("This voucher has expired."))
    if voucher.usage_limit is not None and voucher.times_used >= voucher.usage_limit:
        raise VoucherError(_("This voucher has been used up."))
    email = (cart.email or "").strip().lower()
    if voucher.email:
        if not email:
            raise VoucherError(_("Enter your e-mail address first: this voucher is personal."))
        if email != voucher.email:
            raise VoucherError(_("This voucher belongs to another e-mail address."))
    if voucher.per_customer_limit is not None and (email or cart.user_id):
        # Per customer = per account or per normalised e-mail (name+1@…, Gmail dots): one query on indexed columns.
        customer = Q(email_normalized=normalized_email(email)) if email else Q()
        if cart.user_id:
            customer |= Q(user_id=cart.user_id)
        used = voucher.redemptions.filter(customer).exclude(order__status=OrderStatus.CANCELLED).aggregate(n=Count("pk"))["n"]
        if used >= voucher.per_customer_limit:
            raise VoucherError(_("You have already used this voucher."))
    if voucher.min_spend:
        minimum = quantize(convert(voucher.min_spend, voucher.currency, market.currency, config.rates), market.currency)
        if subtotal < minimum:
            raise VoucherError(
                _("This voucher needs a minimum spend of %(amount)s.") % {"amount": format_money(minimum, market.currency, active_language())}
            )
    return voucher


def voucher_discount(voucher: Voucher, subtotal: Decimal, currency: str, config: StorefrontConfig) -> Decimal:
    """Discount on the shown goods total, never more than it (a total never goes negative). Percentages round
    half up to the minor unit; fixed amounts are converted from the voucher's currency and rounded likewise."""
    if voucher.kind == VoucherKind.PERCENTAGE:
        amount = quantize(subtotal * voucher.value / HUNDRED, currency)
    else:
        amount = quantize(convert(voucher.value, voucher.currency, currency, config.rates), currency)
    return max(Decimal(0), min(amount, subtotal))
