"""Demo returns: the merchant's return rules per market, the warehouses that take returns, a few non-returnable
products, and one return request on a delivered demo order (through the same service the buyer's form uses).

Idempotent: rules and flags are set (not duplicated) on every run; the demo return is made once."""

from django.db import transaction

from fulfillment.models import Warehouse
from shop.models import Market, Order, OrderStatus, Product, ReturnPolicy, ReturnReason, ReturnRequest
from shop.services.returns import ReturnError
from shop.services.returns.requests import request_return, returnable_lines

AUTO = [ReturnReason.WRONG_SIZE.value, ReturnReason.CHANGED_MIND.value]
# market code: (window days, buyer pays return shipping, return shipping fee in the market's currency)
POLICIES = {
    "eu": (30, False, 0), "uk": (30, False, 0), "us": (30, True, 6), "jp": (14, False, 0), "cn": (14, True, 40), "ch": (30, False, 0),
}
# warehouse code: countries it takes returns from (empty: the countries it serves)
RETURN_DESKS = {"de-ber": "EU+CH", "uk-lon": ["GB"], "us-nj": ["US"], "jp-osa": ["JP", "CN"]}
# Hygiene goods cannot be sent back once opened: the demo marks products whose slug says so, else the first few socks.
NON_RETURNABLE_WORDS = ("sock", "underwear", "earring", "swim")
DEMO_RETURN_EMAILS = ("lena.schmidt@example.com", "buyer@example.com")


def delete_demo_returns() -> int:
    """Remove the returns on demo orders (their lines protect the order lines): call before delete_demo_shipments."""
    from shop.demo.shipments import DEMO_EMAILS

    deleted, _ = ReturnRequest.objects.filter(order__email__in=DEMO_EMAILS).delete()
    return deleted


def _ensure_policies() -> int:
    made = 0
    for market in Market.objects.filter(code__in=POLICIES):
        days, buyer_pays, fee = POLICIES[market.code]
        _policy, created = ReturnPolicy.objects.update_or_create(market=market, defaults={
            "window_days": days, "auto_approve_reasons": AUTO, "buyer_pays_return_shipping": buyer_pays, "return_shipping_fee": fee,
        })
        made += created
    return made


def _ensure_desks() -> int:
    from shop.tax.treatments import EU_MEMBER_STATES

    changed = 0
    for code, countries in RETURN_DESKS.items():
        if countries == "EU+CH":
            countries = sorted(EU_MEMBER_STATES | {"CH", "LI"})
        for warehouse in Warehouse.objects.filter(code=code):
            warehouse.accepts_returns = True
            warehouse.return_countries = list(countries)
            warehouse.save(update_fields=["accepts_returns", "return_countries"])
            changed += 1
    return changed


def _ensure_non_returnable() -> int:
    products = Product.objects.all()
    hits = [p.pk for p in products.only("pk", "slug") if any(word in p.slug for word in NON_RETURNABLE_WORDS)]
    if not hits:
        hits = list(products.order_by("slug").values_list("pk", flat=True)[:3])
    return Product.objects.filter(pk__in=hits).update(is_returnable=False)


def _ensure_demo_return() -> ReturnRequest | None:
    if ReturnRequest.objects.filter(order__email__in=DEMO_RETURN_EMAILS).exists():
        return None
    orders = Order.objects.filter(email__in=DEMO_RETURN_EMAILS, status__in=(OrderStatus.SHIPPED, OrderStatus.DELIVERED,
                                                                         OrderStatus.PARTIALLY_SHIPPED)).order_by("pk")
    for order in orders:
        rows = [row for row in returnable_lines(order) if row.units]
        if rows:
            try:
                return request_return(order.pk, {rows[0].line.pk: 1}, reason=ReturnReason.WRONG_SIZE,
                                      comment="Too small around the shoulders.")
            except ReturnError:
                continue
    return None


def ensure_returns_demo() -> dict:
    """Return rules for the demo markets, the return desks, non-returnable hygiene goods and one demo return.
    Returns counts of what it set."""
    with transaction.atomic():
        counts = {"return policies": _ensure_policies(), "return desks": _ensure_desks(), "non-returnable products": _ensure_non_returnable()}
    counts["demo returns"] = 1 if _ensure_demo_return() is not None else 0
    return counts


__all__ = ["delete_demo_returns", "ensure_returns_demo"]
