"""Cart writes. Prices are never stored on a cart: the market's pricing policy prices it every time it is shown,
so a market switch re-prices it and a tampered price in a form has nothing to tamper with."""

import uuid
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from fulfillment.services import release_reservations
from shop.formatting import active_language
from shop.models import Cart, CartLine
from shop.money import format_money
from shop.pricing import Price, PricingPolicy
from shop.selectors.cart import cart_lines, sellable_quantity
from shop.services.checkout import build_quote, load_checkout_info, release_cart_reservation
from shop.signals import cart_changed
from shop.tax import ZERO_RATED, cart_import_notes, origin_note

MAX_LINE_QUANTITY = 99


class CartError(ValueError):
    """A change the cart refused; the message is for the buyer."""


@dataclass(frozen=True)
class LineChange:
    line: CartLine | None
    requested: int
    capped: bool  # fewer than requested because that is all the market has


def find_cart(*, market_id: int, token=None, user=None) -> Cart | None:
    """The account's cart for a signed-in buyer, else the guest cart with this token (moved to the buyer's
    current market), else None. One query unless the market changed."""
    cart = None
    if user is not None and user.is_authenticated:
        cart = Cart.objects.filter(user=user).order_by("-updated_at").first()
    elif token:
        cart = _guest_cart(token)
    if cart is None:
        return None
    if cart.market_id != market_id:
        release_cart_reservation(cart)  # another market ships from other warehouses
        cart.market_id = market_id
        cart.save(update_fields=["market", "updated_at"])
    return cart


def get_or_create_cart(*, market_id: int, token=None, user=None) -> Cart:
    """The account's cart for a signed-in buyer, else the guest cart with this token, else a new cart."""
    cart = find_cart(market_id=market_id, token=token, user=user)
    if cart is None:
        return Cart.objects.create(market_id=market_id, user=user if user is not None and user.is_authenticated else None)
    return cart


def _guest_cart(token) -> Cart | None:
    """The guest cart with this token (raw SQL: this runs on every cart request and add to cart)."""
    try:
        token = uuid.UUID(str(token))
    except ValueError:
        return None
    table = Cart._meta.db_table
    found = list(Cart.objects.raw(f"SELECT * FROM {table} WHERE token = %s AND user_id IS NULL", [token.hex if connection.vendor == "sqlite" else token]))
    return found[0] if found else None


def _parse_quantity(quantity) -> int:
    try:
        value = int(str(quantity).strip())
    except (TypeError, ValueError):
        raise CartError(_("Enter a whole number of items.")) from None
    if value < 0 or value > MAX_LINE_QUANTITY:
        raise CartError(_("You can order between 1 and %(max)s of an item.") % {"max": MAX_LINE_QUANTITY})
    return value


@transaction.atomic
def set_line_quantity(cart: Cart, variant_id, quantity, policy: PricingPolicy) -> LineChange:
    """Set how many of a variant the cart holds (0 removes it), capped by what the market can sell."""
    requested = _parse_quantity(quantity)
    # One change at a time per cart; the buyer's own checkout hold is released first, so it never counts against them.
    cart.reserved_until = Cart.objects.select_for_update().filter(pk=cart.pk).values_list("reserved_until", flat=True).first()
    release_cart_reservation(cart)
    variant_id = _parse_variant_id(variant_id)
    if requested == 0:
        CartLine.objects.filter(cart=cart, variant_id=variant_id).delete()
        _changed(cart)
        return LineChange(None, 0, False)
    quantity = min(requested, _sellable(variant_id, policy))
    line, _created = CartLine.objects.update_or_create(cart=cart, variant_id=variant_id, defaults={"quantity": quantity})
    _changed(cart)
    return LineChange(line, requested, quantity < requested)


def _sellable(variant_id: int, policy: PricingPolicy) -> int:
    """Units of the variant the market can sell now (one query), or CartError when it is not for sale or sold out."""
    available = sellable_quantity(variant_id, policy.market.warehouse_ids)
    if available is None:
        raise CartError(_("This item is not available."))
    if available <= 0:
        raise CartError(_("This item is out of stock for %(market)s.") % {"market": policy.market.name(active_language())})
    return available


def _parse_variant_id(variant_id) -> int:
    text = str(variant_id).strip()
    if not text.isascii() or not text.isdigit() or len(text) > 18:  # also keeps ids inside a 64-bit integer
        raise CartError(_("This item is not available."))
    return int(text)


@dataclass(frozen=True)
class Added:
    quantity: int  # the line's quantity now
    requested: int  # what the buyer asked the line to hold
    count: int  # items in the whole cart

    @property
    def capped(self) -> bool:
        return self.quantity < self.requested


def add_to_cart(cart: Cart, variant_id, quantity, policy: PricingPolicy) -> Added:
    """Add units of a variant (capped by what the market can sell and MAX_LINE_QUANTITY). The hot path of the
    storefront: the sellable units in one SQL read, then (PostgreSQL) one statement that reads the cart's lines,
    upserts the line capped by stock and touches the cart — instead of locking the cart and going through the
    ORM's update_or_create. Elsewhere (SQLite) the same in a short transaction."""
    variant_id = _parse_variant_id(variant_id)
    added = _parse_quantity(quantity)
    if added == 0:
        raise CartError(_("Enter at least 1."))
    release_cart_reservation(cart)  # the buyer's own checkout hold must not count against them
    cap = min(_sellable(variant_id, policy), MAX_LINE_QUANTITY)
    if connection.vendor == "postgresql" and cart.reserved_until is None:
        new_quantity, total_before, current = _add_in_one_statement(cart, variant_id, added, cap)
        transaction.on_commit(lambda: cart_changed.send(sender=Cart, cart=cart))
        return Added(new_quantity, min(current + added, MAX_LINE_QUANTITY), total_before - current + new_quantity)
    with transaction.atomic():
        lines = dict(CartLine.objects.filter(cart=cart).values_list("variant_id", "quantity"))
        current = lines.get(variant_id, 0)
        requested = min(current + added, MAX_LINE_QUANTITY)
        new_quantity = _upsert_line(cart.pk, variant_id, added, cap)
        _changed(cart)
    return Added(new_quantity, requested, sum(lines.values()) - current + new_quantity)


def _add_in_one_statement(cart: Cart, variant_id: int, added: int, cap: int) -> tuple[int, int, int]:
    """PostgreSQL: read the cart's lines, upsert the line (capped) and touch the cart in one statement (one
    round trip, atomic on its own). Returns (the line's new quantity, items before, the line's quantity before)."""
    lines, carts = CartLine._meta.db_table, Cart._meta.db_table
    now = timezone.now()
    sql = (
        f"WITH old AS (SELECT variant_id, quantity FROM {lines} WHERE cart_id = %s), "
        f"touched AS (UPDATE {carts} SET updated_at = %s WHERE id = %s RETURNING id), "
        f"up AS (INSERT INTO {lines} (cart_id, variant_id, quantity, created_at) VALUES (%s, %s, LEAST(%s, %s), %s) "
        f"ON CONFLICT (cart_id, variant_id) DO UPDATE SET quantity = LEAST({lines}.quantity + excluded.quantity, %s) "
        "RETURNING quantity) "
        "SELECT (SELECT quantity FROM up), COALESCE((SELECT SUM(quantity) FROM old), 0), "
        "COALESCE((SELECT quantity FROM old WHERE variant_id = %s), 0), (SELECT COUNT(*) FROM touched)"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [cart.pk, now, cart.pk, cart.pk, variant_id, added, cap, now, cap, variant_id])
        new_quantity, total_before, current, _touched = cursor.fetchone()
    cart.updated_at = now
    return int(new_quantity), int(total_before), int(current)


def _upsert_line(cart_id: int, variant_id: int, added: int, cap: int) -> int:
    """Insert the line with `added` units, or add them to it, never above `cap`, in one atomic statement (a
    concurrent add of the same item cannot be lost); returns the line's new quantity."""
    table = CartLine._meta.db_table
    least = "LEAST" if connection.vendor == "postgresql" else "MIN"
    sql = (
        f"INSERT INTO {table} (cart_id, variant_id, quantity, created_at) VALUES (%s, %s, {least}(%s, %s), %s) "
        f"ON CONFLICT (cart_id, variant_id) DO UPDATE SET quantity = {least}({table}.quantity + excluded.quantity, %s) "
        "RETURNING quantity"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [cart_id, variant_id, added, cap, timezone.now(), cap])
        return cursor.fetchone()[0]


@transaction.atomic
def merge_carts(source: Cart, target: Cart, policy: PricingPolicy) -> Cart:
    """Move a guest cart's lines into the account's cart on login (quantities add up, capped by stock)."""
    release_cart_reservation(source)  # its hold would otherwise count against the merged lines, then linger
    for line in list(source.lines.all()):
        current = CartLine.objects.filter(cart=target, variant_id=line.variant_id).values_list("quantity", flat=True).first() or 0
        try:
            set_line_quantity(target, line.variant_id, min(current + line.quantity, MAX_LINE_QUANTITY), policy)
        except CartError:
            pass  # sold out or withdrawn meanwhile: the buyer sees it gone from the cart
    source.delete()
    return target


def _changed(cart: Cart) -> None:
    release_cart_reservation(cart)  # the hold no longer matches the lines; checkout reserves again
    cart.updated_at = timezone.now()
    Cart.objects.filter(pk=cart.pk).update(updated_at=cart.updated_at)
    transaction.on_commit(lambda: cart_changed.send(sender=Cart, cart=cart))


def item_count(cart: Cart) -> int:
    return CartLine.objects.filter(cart=cart).aggregate(total=Sum("quantity"))["total"] or 0


@dataclass(frozen=True)
class CartLineView:
    variant_id: int
    sku: str
    name: str
    variant_name: str
    quantity: int
    unit: Price
    total: Decimal
    unit_display: str
    total_display: str
    available: bool = True
    ships_text: str = ""  # where it ships from and what that means for VAT and duties


def cart_summary(cart: Cart, policy: PricingPolicy, language: str) -> dict:
    """Lines priced as checkout will charge them for the cart's destination (its shipping address, else the market's
    default country): the same quote (services/checkout.build_quote) with where each line ships from and the import
    treatment that follows — so a consignment that crosses the UK £135 / EU €150 limit is priced without VAT here
    already, and `notes` say why. The subtotal is the sum of line totals, before any voucher."""
    rows = cart_lines(cart)
    info = load_checkout_info(cart, policy.config, language=language, check_voucher=False, rows=rows)
    facts = info.facts
    quote = build_quote(info) if rows else None
    origins: dict[int, list[str]] = {}
    for warehouse_id, picks in (quote.plan if quote else {}).items():
        for variant_id in picks:
            origins.setdefault(variant_id, []).append(policy.config.warehouses.get(warehouse_id, ("", frozenset()))[0])
    views, subtotal = [], Decimal(0)
    for variant_id, quantity in rows:
        fact = facts.get(variant_id)
        if fact is None:
            continue
        priced = [line for line in quote.lines if line.variant_id == variant_id] if fact.for_sale else []
        if priced:
            unit = priced[0].unit
            total = sum((line.undiscounted_display for line in priced), Decimal(0))
            ships = " · ".join(dict.fromkeys(
                origin_note(origin, line.treatment) for line, origin in zip(priced, origins.get(variant_id, []), strict=False)
            ))
            subtotal += total
        else:
            unit = policy.price(fact.base_amount, fact.base_currency, fact.tax_class, fact.fixed_prices.get(policy.currency))
            total, ships = unit.display * quantity, ""
        views.append(
            CartLineView(
                variant_id=variant_id,
                sku=fact.sku,
                name=fact.product_name(language),
                variant_name=fact.variant_name(language),
                quantity=quantity,
                unit=unit,
                total=total,
                unit_display=format_money(unit.display, unit.currency, language),
                total_display=format_money(total, unit.currency, language),
                available=fact.for_sale,
                ships_text=ships,
            )
        )
    return {
        "lines": views,
        "count": sum(v.quantity for v in views if v.available),
        "subtotal": subtotal,
        "subtotal_display": format_money(subtotal, policy.currency, language),
        "currency": policy.currency,
        "notes": cart_import_notes(quote.country, quote.treatments, quote.eu_business) if quote else [],
        "zero_rated": bool(quote and quote.lines) and all(line.treatment in ZERO_RATED for line in quote.lines),
    }


def delete_abandoned_carts(now=None, batch: int = 500) -> int:
    """Delete guest carts untouched for CARAVAN_ABANDONED_CART_DAYS, releasing any stock they still hold (beat).
    Carts of accounts stay (the buyer finds them at the next sign-in). Each batch under its rows' locks, re-checked
    there: a cart a buyer touches or orders from meanwhile is left alone."""
    cutoff = (now or timezone.now()) - timedelta(days=settings.CARAVAN_ABANDONED_CART_DAYS)
    stale = Cart.objects.filter(user__isnull=True, updated_at__lt=cutoff)
    deleted = 0
    while ids := list(stale.order_by("pk").values_list("pk", flat=True)[:batch]):
        with transaction.atomic():
            carts = list(Cart.objects.select_for_update().filter(pk__in=ids, user__isnull=True, updated_at__lt=cutoff).order_by("pk"))
            for cart in carts:
                release_reservations(cart.reservation_reference)
            deleted += Cart.objects.filter(pk__in=[c.pk for c in carts]).delete()[1].get("shop.Cart", 0)
        if len(ids) < batch:
            break
    return deleted

