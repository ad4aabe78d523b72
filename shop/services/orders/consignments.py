"""An order's consignments, made when it is placed: one per warehouse the goods were allocated in, each with the
parcel (leg) of the shipping option the buyer chose — its price, dates, carrier service, distance and CO2 estimate,
exactly as the quote showed them — and what documents need (customs values, import VAT scheme, cash to collect).

They become pickable when the order is paid or its cash-on-delivery confirmed, and are cancelled with it
(status.py, cod.py call fulfillment's release_consignments / cancel_consignments)."""

from django.conf import settings

from fulfillment.services import ConsignmentLinePlan, ConsignmentPlan, create_consignments
from fulfillment.territories import crosses_customs_border
from payments.providers import get_provider
from shop.models import Order
from shop.money import quantize
from shop.services.checkout import CheckoutInfo, Quote
from shop.tax import Treatment

IMPORT_VAT_SCHEMES = {Treatment.IOSS: "ioss_number", Treatment.UK_LOW_VALUE: "uk_vat_number"}  # scheme -> CARAVAN_SELLER key


def consignment_plans(order: Order, quote: Quote, info: CheckoutInfo, order_lines: list) -> list[ConsignmentPlan]:
    """One plan per leg of the chosen option (the main consignment first), its lines from where the goods were
    allocated (`quote.consignments`) and the order lines of the consignment's tax treatment."""
    by_key = {(line.variant_id, line.tax_treatment): line for line in order_lines}
    by_variant = {}
    for line in order_lines:
        by_variant.setdefault(line.variant_id, line)
    seller = settings.CARAVAN_SELLER
    collects = get_provider(order.payment_method).collects_on_delivery
    plans = []
    for index, leg in enumerate(quote.shipping.legs):
        picks = quote.consignments.get(leg.warehouse_id, {})
        treatment = quote.consignment_treatments.get(leg.warehouse_id, Treatment.DOMESTIC)
        lines = []
        for variant_id, quantity in picks.items():
            line = by_key.get((variant_id, treatment)) or by_variant.get(variant_id)
            fact = info.facts.get(variant_id)
            unit_value = quantize(line.total_net / line.quantity, order.currency) if line is not None and line.quantity else 0
            lines.append(ConsignmentLinePlan(
                variant_id, line.sku if line else (fact.sku if fact else ""),
                f"{line.product_name} – {line.variant_name}" if line and line.variant_name else (line.product_name if line else ""),
                quantity, unit_value, fact.weight_grams if fact else 0, order_line_id=line.pk if line else None,
                ean=getattr(fact, "ean", "") if fact else "",
            ))
        scheme_key = IMPORT_VAT_SCHEMES.get(treatment)
        plans.append(ConsignmentPlan(
            warehouse_id=leg.warehouse_id, lines=tuple(lines), method_name=f"{leg.name} ({leg.carrier})"[:120],
            promised_earliest=leg.earliest, promised_latest=leg.latest, shipping_method_id=leg.method_id,
            carrier_id=leg.carrier_id, service_id=leg.service_id, shipping_net=leg.price.net, shipping_gross=leg.price.gross,
            shipping_tax_rate=leg.price.tax_rate, transit_min_days=leg.transit_min_days, transit_max_days=leg.transit_max_days,
            distance_km=leg.distance_km, co2e_grams=leg.co2e_grams,
            needs_customs=crosses_customs_border(leg.origin_country, quote.country),
            import_vat_scheme=treatment if scheme_key else "", import_vat_number=seller.get(scheme_key, "") if scheme_key else "",
            cod_amount=order.total_gross if collects and index == 0 else 0,
        ))
    return plans


def make_consignments(order: Order, quote: Quote, info: CheckoutInfo, order_lines: list, allocation_reference: str) -> list:
    """Create the order's consignments (inside the placing transaction). Pickable at once when nothing is to be paid
    first: cash on delivery that needs no confirmation; otherwise they wait for the payment or the confirmation."""
    provider = get_provider(order.payment_method)
    ready = order.paid_at is not None or (provider.collects_on_delivery and not order.needs_confirmation)
    return create_consignments(
        order.pk, order.number, allocation_reference, consignment_plans(order, quote, info, order_lines),
        ship_to=order.shipping_address or {}, destination=quote.country, email=order.email, language=order.language,
        currency=order.currency, ready=ready,
    )
