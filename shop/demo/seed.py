"""Write the demo shop to the database: reference data, then the catalogue in bulk, then listing prices.

Everything random comes from one `random.Random(42)` consumed in a fixed order, product by product, so product
number n is the same whatever `--products` is and however the inserts are batched.
"""

import contextlib
import io
import json
import os
import random
import secrets
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import timedelta
from decimal import ROUND_CEILING, ROUND_HALF_UP, Decimal
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import DatabaseError, connection, transaction
from django.utils import timezone, translation
from django.utils.text import slugify
from djmoney.contrib.exchange.models import ExchangeBackend, Rate
from djmoney.money import Money
from tqdm import tqdm

from fulfillment.models import (
    Carrier,
    CarrierService,
    GoodsReceipt,
    GoodsReceiptLine,
    Lane,
    ReplenishmentLine,
    Stock,
    StockMove,
    StockTransfer,
    StockTransferLine,
    SupplierItem,
    Warehouse,
)
from fulfillment.services import dispatch_transfer, post_goods_receipt
from shop import receivers as signals
from shop.demo import catalogue as cat
from shop.demo import reference as ref
from shop.demo.customs import ensure_customs_data
from shop.demo.images import ImageCache
from shop.demo.pages import ensure_pages
from shop.demo.replenishment import ensure_replenishment_demo
from shop.demo.returns import delete_demo_returns, ensure_returns_demo
from shop.demo.shipments import delete_demo_shipments, ensure_demo_shipments, ensure_packaging
from shop.models import (
    Attribute,
    AttributeValue,
    Category,
    Market,
    Product,
    ProductImage,
    ProductMarketPrice,
    ProductVariant,
    ShippingMethod,
    ShippingRate,
    TaxRate,
    VariantPrice,
    Voucher,
)
from shop.plumbing.storefront_config import bump_catalog_version, bump_config_version
from shop.services.pricing import refresh_market_prices
from shop.services.search import refresh_search_documents

SEED = 42
CHUNK = 2000  # products per transaction
BATCH = 2000  # rows per INSERT
HISTORY = timedelta(days=540)  # created_at spreads over this period, newest last
FEATURED = 16
MIN_PRICE, MAX_PRICE = Decimal("9.90"), Decimal("249.00")
CENT_ENDINGS = (Decimal("0.00"), Decimal("0.50"), Decimal("0.90"), Decimal("0.90"))
FIXED_CURRENCIES = ("USD", "GBP", "JPY")
ADMIN_USERNAME = "admin"
ADMIN_EMAIL = "admin@caravan.example"
DEMO_BUYER_EMAIL = "buyer@example.com"
DEMO_BUYER_PASSWORD = "caravan-demo-buyer"  # overridden by CARAVAN_DEMO_BUYER_PASSWORD


# --- Pure generation ------------------------------------------------------------------------------


@dataclass
class VariantSpec:
    sku: str
    values: list  # (attribute slug, value slug)
    price: Decimal
    weight: int
    fixed: tuple | None  # (currency, amount)
    stock: dict  # warehouse code -> quantity


@dataclass
class ProductSpec:
    number: int
    leaf: str
    names: dict
    descriptions: dict
    slug: str
    featured: bool
    age: float  # 0 = oldest, 1 = newest (before scaling to the catalogue size)
    shape: str
    variants: list = field(default_factory=list)
    colours: list = field(default_factory=list)  # distinct colour slugs in variant order


def _price_point(rng: random.Random, lo: int, hi: int) -> Decimal:
    price = Decimal(rng.randint(lo, hi)) + rng.choice(CENT_ENDINGS)
    return min(max(price, MIN_PRICE), MAX_PRICE)


def _charm(amount: Decimal, currency: str) -> Decimal:
    """A merchant's hand-picked price: 49.99 / 54.99 style, yen as 4,980."""
    if currency == "JPY":
        return max(Decimal(480), (amount / 100).to_integral_value(ROUND_HALF_UP) * 100 - 20)
    return max(Decimal("4.99"), (amount / 5).to_integral_value(ROUND_HALF_UP) * 5 - Decimal("0.01"))


def _fixed_price(net_eur: Decimal, currency: str, rates: dict) -> Decimal:
    gross_factor = {"USD": Decimal(1), "GBP": Decimal("1.20"), "JPY": Decimal("1.10")}[currency]  # US shows net prices
    return _charm(net_eur * rates[currency] * gross_factor, currency)


def _stock(rng: random.Random) -> dict:
    out_of_stock = rng.random() < 0.10
    stock = {}
    for code in ("de-ber", "uk-lon", "us-nj", "jp-osa"):
        if code != "de-ber" and rng.random() >= 0.6:
            continue  # regional warehouses carry part of the range
        if out_of_stock:
            stock[code] = 0
        elif rng.random() < 0.15:
            stock[code] = rng.randint(1, 5)
        elif code != "de-ber" and rng.random() < 0.1:
            stock[code] = 0
        else:
            stock[code] = rng.randint(6, 150)
    return stock


def _osaka_only(stock: dict, number: int) -> dict:
    """Made in Japan: none in Berlin (its row stays, at 0), some in Osaka — so orders with it and Berlin's goods split."""
    return {**stock, "de-ber": 0, "jp-osa": 8 + number % 40}


def generate(rng: random.Random, rates: dict) -> Iterator[ProductSpec]:
    """An endless, deterministic stream of product specs."""
    leaves = list(cat.leaves())
    combos = {}
    for top, leaf in leaves:
        options = [(a, m, n) for n in leaf.nouns for m in n.materials for a in top.adjectives]
        rng.shuffle(options)
        combos[leaf.slug] = options
    used = defaultdict(int)
    slugs: dict[str, int] = {}
    colours = {v.slug: v for v in cat.COLOUR.values}
    number = 0
    while True:
        number += 1
        top, leaf = leaves[rng.randrange(len(leaves))]
        options = combos[leaf.slug]
        cycle, index = divmod(used[leaf.slug], len(options))
        used[leaf.slug] += 1
        adj_key, mat_key, noun = options[index]
        adj, mat = cat.A[adj_key], cat.M[mat_key]
        line = cat.LINES[(cycle - 1) % len(cat.LINES)] if cycle else None
        names = cat.product_name(adj, mat, noun, line)
        closers = rng.sample(cat.CLOSERS, 2)
        descriptions = cat.join_sentences([rng.choice(leaf.sentences), mat.sentence, *closers])
        base = slugify(names["en"])
        seen = slugs.get(base, 0) + 1
        slugs[base] = seen
        spec = ProductSpec(
            number=number,
            leaf=leaf.slug,
            names=names,
            descriptions=descriptions,
            slug=base if seen == 1 else f"{base}-{seen}",
            featured=number % 15 == 4 and number <= 15 * FEATURED,
            age=rng.random(),
            shape=noun.shape,
        )
        # Variants: colour x size, 2-6 of them.
        base_price = _price_point(rng, *noun.price)
        weight = round(noun.weight * rng.uniform(0.85, 1.15), -1) or 10
        fixed_currency = rng.choice(FIXED_CURRENCIES) if rng.random() < 0.10 else None
        if noun.sizes:
            attr, sizes = noun.sizes
            n_colours = min(rng.choice((1, 1, 2, 2, 3)), len(leaf.palette))
            max_sizes = min(len(sizes), 6 // n_colours)
            n_sizes = rng.randint(min(2 if n_colours == 1 else 1, max_sizes), max_sizes)
            start = rng.randint(0, len(sizes) - n_sizes)
            chosen_sizes = list(enumerate(sizes))[start : start + n_sizes]
            premium = attr == "dimensions" or (attr == "size" and rng.random() < 0.3)
        else:
            attr, chosen_sizes, premium = None, [(0, None)], False
            n_colours = rng.randint(2, min(4, len(leaf.palette)))
        chosen_colours = rng.sample(leaf.palette, n_colours)
        spec.colours = chosen_colours
        for colour in chosen_colours:
            for size_index, size in chosen_sizes:
                price = base_price
                if premium and attr == "dimensions" and size_index:
                    price = (base_price * (1 + Decimal("0.25") * size_index)).to_integral_value(ROUND_CEILING) - Decimal("0.10")
                elif premium and size == "xl":
                    price = base_price + 5
                price = min(price, MAX_PRICE)
                values = [("colour", colour)]
                sku = f"CR-{number:06d}-{colours[colour].code}"
                if size:
                    values.append((attr, size))
                    sku += f"-{cat.attribute_value(attr, size).code}"
                spec.variants.append(
                    VariantSpec(
                        sku=sku,
                        values=values,
                        price=price,
                        weight=int(weight * (1 + 0.04 * size_index)),
                        fixed=(fixed_currency, _fixed_price(price, fixed_currency, rates)) if fixed_currency else None,
                        stock=_osaka_only(_stock(rng), number) if number % 10 == ref.OSAKA_ONLY_DIGIT else _stock(rng),
                    )
                )
        yield spec


def load_rates_file() -> dict:
    data = json.loads(Path(settings.CARAVAN_FX_RATES_FILE).read_text(encoding="utf-8"), parse_float=Decimal)
    return {code: Decimal(str(value)) for code, value in data["rates"].items()}


# --- Database -------------------------------------------------------------------------------------


def _translated(prefix: str, texts: dict) -> dict:
    out = {prefix: texts["en"]}
    for lang in cat.LANGS:
        out[f"{prefix}_{lang}"] = texts[lang]
    return out


@contextlib.contextmanager
def _explicit_created_at():
    """Let bulk_create keep the created_at we set (auto_now_add would stamp every row with now)."""
    created = Product._meta.get_field("created_at")
    saved = created.auto_now_add
    created.auto_now_add = False
    try:
        yield
    finally:
        created.auto_now_add = saved


@contextlib.contextmanager
def _signals_suspended():
    saved = signals.SUSPENDED["value"]
    signals.SUSPENDED["value"] = True
    try:
        yield
    finally:
        signals.SUSPENDED["value"] = saved


CATALOGUE_MODELS = (ReplenishmentLine, SupplierItem, GoodsReceiptLine, GoodsReceipt, StockTransferLine, StockTransfer, StockMove, Stock,
                    VariantPrice, ProductMarketPrice, ProductVariant.attribute_values.through, ProductVariant, ProductImage, Product, Category,
                    AttributeValue, Attribute)


def delete_catalogue() -> None:
    """Remove the whole catalogue: TRUNCATE on PostgreSQL, plain DELETEs elsewhere (no per-object signals either way).

    Neither cascades: if other tables (orders, ...) reference the catalogue, this fails instead of wiping them.
    """
    tables = [connection.ops.quote_name(m._meta.db_table) for m in CATALOGUE_MODELS]
    if connection.vendor == "postgresql":
        try:
            with transaction.atomic(), connection.cursor() as cursor:
                cursor.execute(f"TRUNCATE {', '.join(tables)} RESTART IDENTITY")
            return
        except DatabaseError:
            pass  # referenced from elsewhere: DELETE reports which constraint is in the way
    with transaction.atomic(), connection.cursor() as cursor:
        for table in tables:
            cursor.execute(f"DELETE FROM {table}")  # noqa: S608 (table names from models)


class Inserter:
    """Bulk inserts of rows given as {attname: value} dicts.

    PostgreSQL: COPY, with primary keys taken from the table's sequence up front (several times faster than
    bulk_create at 100k products: no model instances, no SQL compilation). Elsewhere: bulk_create in batches.
    """

    def __init__(self):
        self.copy = connection.vendor == "postgresql"

    def insert(self, model, rows: list[dict], want_ids: bool = False) -> list[int] | None:
        if not rows:
            return [] if want_ids else None
        if not self.copy:
            objs = model.objects.bulk_create([self._instance(model, row) for row in rows], batch_size=BATCH)
            return [o.pk for o in objs] if want_ids else None
        ids = None
        opts = model._meta
        with connection.cursor() as cursor:
            if want_ids:
                cursor.execute(
                    "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
                    [opts.db_table, opts.pk.column, len(rows)],
                )
                ids = [r[0] for r in cursor.fetchall()]
                for row, pk in zip(rows, ids, strict=True):
                    row[opts.pk.attname] = pk
            # COPY leaves columns it is not given NULL (Django's defaults live in Python): fill defaults and empty strings.
            defaults = {f.attname: f.get_default() for f in opts.concrete_fields
                        if f.attname not in rows[0] and not f.primary_key and not f.null and (f.has_default() or f.empty_strings_allowed)}
            names = [*rows[0], *defaults]
            rows = [{**defaults, **row} for row in rows]
            columns = ", ".join(connection.ops.quote_name(opts.get_field(n).column) for n in names)
            with cursor.cursor.copy(f"COPY {connection.ops.quote_name(opts.db_table)} ({columns}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row([row[n] for n in names])
        return ids

    @staticmethod
    def _instance(model, row: dict):
        row = dict(row)
        for name in ("base_price", "price"):  # MoneyFields: amount + currency column
            if f"{name}_currency" in row:
                row[name] = Money(row[name], row.pop(f"{name}_currency"))
        return model(**row)


def ensure_reference(update: bool) -> bool:
    """Markets, tax rates and warehouses. `update` overwrites demo rows; otherwise only missing rows are created."""
    changed = False
    have_default = Market.objects.filter(is_default=True).exclude(code="eu").exists()
    if update and have_default:
        Market.objects.filter(is_default=True).exclude(code="eu").update(is_default=False)
        have_default = False
    for position, spec in enumerate(ref.MARKETS):
        defaults = {
            **_translated("name", spec["names"]),
            "currency": spec["currency"],
            "countries": list(spec["countries"]),
            "default_country": spec["default_country"],
            "default_language": spec["default_language"],
            "prices_include_tax": spec["prices_include_tax"],
            "rounding_rule": spec["rounding_rule"],
            "is_default": spec["is_default"] and not have_default,
            "is_active": True,
            "position": position,
        }
        label, number = spec.get("registration", (None, ""))  # the seller's registration printed on invoices
        defaults.update(_translated("invoice_registration_label", label) if label else {}, invoice_registration_number=number)
        if update:
            Market.objects.update_or_create(code=spec["code"], defaults=defaults)
            changed = True
        else:
            changed |= Market.objects.get_or_create(code=spec["code"], defaults=defaults)[1]
    for country, tax_class, rate, name in ref.tax_rows():
        if update:
            TaxRate.objects.update_or_create(country=country, tax_class=tax_class, defaults={"rate": rate, "name": name})
            changed = True
        else:
            changed |= TaxRate.objects.get_or_create(country=country, tax_class=tax_class, defaults={"rate": rate, "name": name})[1]
    for spec in ref.WAREHOUSES:
        defaults = {"name": spec["name"], "city": spec["city"], "country": spec["country"], "latitude": Decimal(spec["latitude"]),
                    "longitude": Decimal(spec["longitude"]), "countries_served": list(spec["countries_served"]),
                    "priority": spec["priority"], "is_active": True, "address": spec["address"], "language": spec["language"]}
        if update:
            Warehouse.objects.update_or_create(code=spec["code"], defaults=defaults)
            changed = True
        else:
            changed |= Warehouse.objects.get_or_create(code=spec["code"], defaults=defaults)[1]
    ensure_checkout_reference()
    return changed


def ensure_checkout_reference() -> None:
    """Carriers with their services and lanes, shipping methods (service, speed, weight bands) from each demo warehouse,
    and two demo vouchers (only missing rows; a method without a service gets its demo service and speed)."""
    warehouses = dict(Warehouse.objects.values_list("code", "pk"))
    services = {}
    for code, name, template, carrier_services in ref.CARRIERS:
        carrier, _ = Carrier.objects.get_or_create(code=code, defaults={"name": name, "tracking_url_template": template})
        for service_code, service_name, mode in carrier_services:
            services[(code, service_code)], _ = CarrierService.objects.get_or_create(
                carrier=carrier, code=service_code, defaults={"name": service_name, "mode": mode})
    for carrier, service, warehouse, destination, min_days, max_days, km in ref.LANES:
        if warehouse in warehouses:
            Lane.objects.get_or_create(service=services[(carrier, service)], warehouse_id=warehouses[warehouse], destination=destination,
                                       defaults={"min_days": min_days, "max_days": max_days, "distance_km": km})
    for code, warehouse, names, carrier, min_days, max_days, countries, currency, bands in ref.SHIPPING_METHODS:
        if warehouse not in warehouses:
            continue
        carrier_code, service_code, level = ref.METHOD_SERVICES[code]
        service = services[(carrier_code, service_code)]
        method, created = ShippingMethod.objects.get_or_create(
            code=code,
            defaults={**_translated("name", names), "carrier": carrier, "warehouse_id": warehouses[warehouse],
                      "min_days": min_days, "max_days": max_days, "countries": list(countries), "service": service, "level": level},
        )
        if created:
            ShippingRate.objects.bulk_create(
                ShippingRate(method=method, max_weight_grams=grams, price=Money(Decimal(price), currency)) for grams, price in bands
            )
        elif method.service_id is None:
            ShippingMethod.objects.filter(pk=method.pk).update(service=service, level=level)
    for code, kind, value, currency, min_spend in ref.VOUCHERS:
        Voucher.objects.get_or_create(code=code, defaults={"kind": kind, "value": Decimal(value), "currency": currency,
                                                           "min_spend": Decimal(min_spend) if min_spend else None})


def ensure_rates(force: bool) -> bool:
    """Exchange rates via djmoney's `update_rates` (our file backend); fall back to writing the file's rates directly."""
    backend_name = settings.CARAVAN_FX_BACKEND
    if not force and Rate.objects.filter(backend_id=backend_name).exists():
        return False
    try:
        call_command("update_rates", stdout=io.StringIO())
    except Exception:  # noqa: BLE001 (any failure: offline backend, bad settings)
        pass
    if Rate.objects.filter(backend_id=backend_name).count() < len(settings.CURRENCIES):
        backend, _ = ExchangeBackend.objects.update_or_create(name=backend_name, defaults={"base_currency": settings.BASE_CURRENCY})
        Rate.objects.bulk_create(
            [Rate(backend=backend, currency=code, value=value) for code, value in load_rates_file().items()],
            update_conflicts=True,
            unique_fields=["currency", "backend"],
            update_fields=["value"],
        )
    return True


def ensure_admin(say: Callable[[str], None]) -> None:
    User = get_user_model()  # noqa: N806
    password = os.environ.get("CARAVAN_ADMIN_PASSWORD", "")
    user = User.objects.filter(**{User.USERNAME_FIELD: ADMIN_USERNAME}).first()
    if user is not None:
        if password:
            user.set_password(password)
            user.save(update_fields=["password"])
            say(f"Admin login: {ADMIN_USERNAME} / (password from CARAVAN_ADMIN_PASSWORD)")
        else:
            say(f"Admin user '{ADMIN_USERNAME}' already exists (password unchanged).")
        return
    if password:
        User.objects.create_superuser(ADMIN_USERNAME, ADMIN_EMAIL, password)
        say(f"Admin login: {ADMIN_USERNAME} / (password from CARAVAN_ADMIN_PASSWORD)")
        return
    password = secrets.token_urlsafe(12)
    User.objects.create_superuser(ADMIN_USERNAME, ADMIN_EMAIL, password)
    say("")
    say(f"  Admin login: {ADMIN_USERNAME} / {password}")
    say("  (generated now and shown only once; set CARAVAN_ADMIN_PASSWORD to choose it)")
    say("")


def ensure_demo_buyer(say: Callable[[str], None]) -> None:
    """A buyer account to sign in with: verified e-mail (allauth), one saved address in Germany."""
    from allauth.account.models import EmailAddress

    from shop.models import Address

    User = get_user_model()  # noqa: N806
    password = os.environ.get("CARAVAN_DEMO_BUYER_PASSWORD", "") or DEMO_BUYER_PASSWORD
    with transaction.atomic():
        user = User.objects.filter(email__iexact=DEMO_BUYER_EMAIL).order_by("pk").first()
        if user is None:
            user = User.objects.create_user("demo-buyer", DEMO_BUYER_EMAIL, password, first_name="Erika", last_name="Mustermann")
        elif not user.check_password(password):
            user.set_password(password)
            user.save(update_fields=["password"])
        EmailAddress.objects.update_or_create(user=user, email=DEMO_BUYER_EMAIL, defaults={"verified": True, "primary": True})
        if not Address.objects.filter(user=user).exists():
            Address.objects.create(
                user=user, full_name="Erika Mustermann", line1="Friedrichstraße 123", postcode="10117", city="Berlin",
                country="DE", phone="+49 30 1234567", is_default=True,
            )
    shown = "(password from CARAVAN_DEMO_BUYER_PASSWORD)" if os.environ.get("CARAVAN_DEMO_BUYER_PASSWORD") else password
    say(f"Demo buyer login: {DEMO_BUYER_EMAIL} / {shown}")


def create_attributes() -> dict:
    """(attribute slug, value slug) -> AttributeValue id."""
    ids = {}
    for position, attr in enumerate(cat.ATTRIBUTES):
        attribute = Attribute.objects.create(slug=attr.slug, position=position, **_translated("name", attr.names))
        values = AttributeValue.objects.bulk_create(
            [
                AttributeValue(attribute=attribute, slug=v.slug, swatch=v.swatch, position=i, **_translated("name", v.names))
                for i, v in enumerate(attr.values)
            ]
        )
        for v in values:
            ids[(attr.slug, v.slug)] = v.pk
    return ids


def create_categories() -> dict:
    """leaf slug -> Category id."""
    ids = {}
    for position, top in enumerate(cat.TREE):
        parent = Category.objects.create(
            slug=top.slug, position=position, is_featured=True, colour=top.colour,
            **_translated("name", top.names), **_translated("description", top.description),
        )
        for sub_position, leaf in enumerate(top.leaves):
            child = Category.objects.create(
                parent=parent, slug=leaf.slug, position=sub_position, colour=leaf.colour,
                **_translated("name", leaf.names), **_translated("description", leaf.sentences[0]),
            )
            ids[leaf.slug] = child.pk
    return ids


def _take(iterator, n):
    return [next(iterator) for _ in range(n)]


def load_catalogue(n_products: int, progress: Callable[[int], None], images: ImageCache) -> dict:
    rng = random.Random(SEED)
    rates = load_rates_file()
    counts = defaultdict(int)
    warehouses = dict(Warehouse.objects.values_list("code", "pk"))
    with transaction.atomic():
        value_ids = create_attributes()
        leaf_ids = create_categories()
    colour_values = {v.slug: v for v in cat.COLOUR.values}
    through = ProductVariant.attribute_values.through
    db = Inserter()
    specs = generate(rng, rates)
    now = timezone.now().replace(microsecond=0)
    done = 0
    with _explicit_created_at():
        while done < n_products:
            chunk = _take(specs, min(CHUNK, n_products - done))
            with transaction.atomic():
                product_rows = []
                for spec in chunk:
                    age = (spec.number - 1 + spec.age) / n_products  # 0 oldest .. 1 newest
                    product_rows.append({
                        "category_id": leaf_ids[spec.leaf],
                        "slug": spec.slug,
                        "tax_class": "standard",
                        "is_published": True,
                        "is_featured": spec.featured,
                        "created_at": now - HISTORY * (1 - age),
                        "updated_at": now,
                        **_translated("name", spec.names),
                        **_translated("description", spec.descriptions),
                    })
                product_ids = db.insert(Product, product_rows, want_ids=True)
                variant_rows, image_rows, image_keys = [], [], []
                for spec, product_id in zip(chunk, product_ids, strict=True):
                    for position, colour in enumerate(spec.colours[:2]):
                        value = colour_values[colour]
                        image_keys.append((product_id, colour))
                        image_rows.append({
                            "product_id": product_id,
                            "image": images.path(spec.shape, colour, value.swatch),
                            "position": position,
                            **_translated("alt", cat.image_alt(spec.names, value.names)),
                        })
                # Each variant shows the picture of its colour (when the product has one).
                picture = dict(zip(image_keys, db.insert(ProductImage, image_rows, want_ids=True), strict=True))
                for spec, product_id in zip(chunk, product_ids, strict=True):
                    for position, v in enumerate(spec.variants):
                        colour = dict(v.values).get("colour")
                        variant_rows.append({
                            "product_id": product_id,
                            "sku": v.sku,
                            "base_price": v.price,
                            "base_price_currency": "EUR",
                            "weight_grams": v.weight,
                            "position": position,
                            "is_active": True,
                            "image_id": picture.get((product_id, colour)),
                        })
                variant_ids = iter(db.insert(ProductVariant, variant_rows, want_ids=True))
                links, fixed, stock = [], [], []
                for spec in chunk:
                    for v in spec.variants:
                        variant_id = next(variant_ids)
                        links.extend({"productvariant_id": variant_id, "attributevalue_id": value_ids[key]} for key in v.values)
                        if v.fixed:
                            fixed.append({"variant_id": variant_id, "price": v.fixed[1], "price_currency": v.fixed[0]})
                        stock.extend(
                            {"variant_id": variant_id, "warehouse_id": warehouses[code], "quantity": quantity, "quantity_allocated": 0,
                             "bin_location": demo_bin(variant_id), "updated_at": now}
                            for code, quantity in v.stock.items()
                            if code in warehouses
                        )
                db.insert(through, links)
                db.insert(VariantPrice, fixed)
                stock_ids = db.insert(Stock, stock, want_ids=True)
                # The demo's opening stock is a goods receipt in the stock ledger, so the ledger adds up from the start.
                db.insert(StockMove, [
                    {"stock_id": stock_id, "delta_on_hand": row["quantity"], "delta_allocated": 0, "reason": StockMove.Reason.RECEIPT,
                     "reference": "demo", "note": "", "user_id": None, "at": now}
                    for stock_id, row in zip(stock_ids, stock, strict=True) if row["quantity"]
                ])
            counts["products"] += len(product_rows)
            counts["variants"] += len(variant_rows)
            counts["images"] += len(image_rows)
            counts["fixed prices"] += len(fixed)
            counts["stock rows"] += len(stock)
            done += len(chunk)
            progress(len(chunk))
    counts["categories"] = len(leaf_ids) + len(cat.TREE)
    return dict(counts)


def _analyze() -> None:
    if connection.vendor != "postgresql":
        return
    models = (Product, ProductVariant, ProductVariant.attribute_values.through, ProductImage, Stock, VariantPrice, ProductMarketPrice, Category)
    tables = ", ".join(connection.ops.quote_name(m._meta.db_table) for m in models)
    with connection.cursor() as cursor:
        # VACUUM (outside a transaction) also sets the visibility map, so listing counts can use index-only scans.
        cursor.execute(("ANALYZE " if connection.in_atomic_block else "VACUUM (ANALYZE) ") + tables)


def demo_bin(variant_id: int) -> str:
    """A made-up but plausible shelf for a variant: aisles A–H, shelves 01–40, bins 01–20."""
    return f"{'ABCDEFGH'[variant_id % 8]}-{variant_id // 8 % 40 + 1:02d}-{variant_id % 20 + 1:02d}"


def ensure_stock_documents() -> int:
    """A supplier's delivery posted into Berlin, a draft one for Osaka and a transfer from Berlin to London on its
    way, so the stock ledger, transfers and goods receipts show something at once. Returns documents made."""
    if StockTransfer.objects.exists() or GoodsReceipt.objects.exists():
        return 0
    warehouses = {w.code: w for w in Warehouse.objects.all()}
    berlin, london, osaka = (warehouses.get(code) for code in ("de-ber", "uk-lon", "jp-osa"))
    if berlin is None or london is None:
        return 0
    plenty = list(Stock.objects.filter(warehouse=berlin, quantity__gte=40, quantity_allocated=0).order_by("pk").values_list("variant_id", flat=True)[:5])
    if len(plenty) < 5:
        return 0
    receipt = GoodsReceipt.objects.create(warehouse=berlin, supplier="Leinenweberei Hoffmann GmbH", supplier_reference="LS-2026-0412")
    GoodsReceiptLine.objects.bulk_create([GoodsReceiptLine(receipt=receipt, variant_id=v, quantity=20) for v in plenty[:3]])
    post_goods_receipt(receipt.pk)
    transfer = StockTransfer.objects.create(source=berlin, destination=london, note="Restock London for the UK market")
    StockTransferLine.objects.bulk_create([StockTransferLine(transfer=transfer, variant_id=v, quantity=10) for v in plenty[3:5]])
    dispatch_transfer(transfer.pk)
    made = 2
    if osaka is not None:
        draft = GoodsReceipt.objects.create(warehouse=osaka, supplier="Kobe Ceramics", supplier_reference="KC-88")
        GoodsReceiptLine.objects.bulk_create([GoodsReceiptLine(receipt=draft, variant_id=v, quantity=12) for v in plenty[:2]])
        made += 1
    return made


def seed_demo(products: int = 240, reset: bool = False, quiet: bool = False, say: Callable[[str], None] = print) -> dict:
    """Build the demo shop. Returns row counts of what was created (empty when the catalogue already existed)."""
    with translation.override("en"), _signals_suspended():
        if reset:
            delete_demo_returns()
            delete_demo_shipments()
            delete_catalogue()
        elif Product.objects.exists():
            with transaction.atomic():
                changed = ensure_reference(update=False)
                changed |= ensure_rates(force=False)
            if changed:
                refresh_market_prices()
                bump_config_version()
                bump_catalog_version()
            say(f"Demo catalogue already seeded ({Product.objects.count()} products); use --reset to rebuild it.")
            ensure_pages()
            ensure_admin(say)
            ensure_demo_buyer(say)
            _ensure_warehouse_demo()
            return {}
        with transaction.atomic():
            ensure_reference(update=True)
            ensure_rates(force=True)
        images = ImageCache(settings.MEDIA_ROOT)
        with tqdm(total=products, desc="Products", unit="product", disable=quiet, dynamic_ncols=True) as bar:
            counts = load_catalogue(products, bar.update, images)
        counts["images drawn"] = images.drawn
        counts["stock documents"] = ensure_stock_documents()
    with tqdm(total=products, desc="Prices  ", unit="product", disable=quiet, dynamic_ncols=True) as bar:
        counts["listing prices"] = refresh_market_prices(progress=bar.update)
    counts["search documents"] = refresh_search_documents()
    _analyze()
    bump_config_version()
    bump_catalog_version()
    counts["shop pages"] = ensure_pages()
    ensure_admin(say)
    ensure_demo_buyer(say)
    counts.update(_ensure_warehouse_demo())
    return counts


def _ensure_warehouse_demo() -> dict:
    """Customs facts and EANs, packaging, and orders that went through the warehouse (placed, paid, picked, packed,
    dispatched, tracked) for the demo buyer and three guests; each part only once."""
    for spec in ref.WAREHOUSES:  # demo installs from before warehouses had addresses
        Warehouse.objects.filter(code=spec["code"], address="").update(address=spec["address"], language=spec["language"])
    buyer = get_user_model().objects.filter(email__iexact=DEMO_BUYER_EMAIL).order_by("pk").first()
    return {"customs data": ensure_customs_data(), "packaging": ensure_packaging(), "demo shipments": ensure_demo_shipments(user=buyer),
            **ensure_returns_demo(), **ensure_replenishment_demo()}
