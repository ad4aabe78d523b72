"""Checkout (see docs/architecture.md §3, "Placing an order"): a CheckoutInfo loaded once (info.py), the
quote priced from it (quote.py), vouchers (vouchers.py) and the steps' writes (steps.py). The names the views,
services and tests use are importable from here."""

from fulfillment.services import InsufficientStock
from shop.services.checkout.errors import CheckoutError, VoucherError
from shop.services.checkout.info import (
    CheckoutInfo,
    active_language,
    address_outside_market,
    billing_address_of,
    destination,
    load_checkout_info,
    vat_number_notice,
)
from shop.services.checkout.quote import (
    Quote,
    QuoteLine,
    apply_line_totals,
    build_quote,
    quote_cart,
    split_discount,
    summarise,
)
from shop.services.checkout.shipping import ShippingLeg, ShippingOption, working_days_from
from shop.services.checkout.steps import (
    ValidationError,
    apply_voucher,
    clean_address,
    missing_step,
    payment_methods_for,
    release_cart_reservation,
    remove_voucher,
    reserve_cart,
    set_billing,
    set_contact_and_shipping_address,
    set_payment_method,
    set_shipping_method,
    shortage_messages,
)
from shop.services.checkout.vouchers import check_voucher_for, find_voucher, voucher_discount

__all__ = [
    "CheckoutError", "CheckoutInfo", "InsufficientStock", "Quote", "QuoteLine", "ShippingLeg", "ShippingOption", "ValidationError",
    "VoucherError", "active_language", "address_outside_market", "apply_line_totals", "apply_voucher",
    "billing_address_of", "build_quote", "check_voucher_for", "clean_address", "destination", "find_voucher",
    "load_checkout_info", "missing_step", "payment_methods_for", "quote_cart", "release_cart_reservation",
    "remove_voucher", "reserve_cart", "set_billing", "set_contact_and_shipping_address", "set_payment_method",
    "set_shipping_method", "shortage_messages", "split_discount", "summarise", "vat_number_notice", "voucher_discount",
    "working_days_from",
]
