"""Currency conversion with stored exchange rates (`djmoney.contrib.exchange` models ExchangeBackend and Rate,
loaded by shop/services/exchange_rates.py or edited in admin). Conversions never call out to the internet."""

from decimal import Decimal


class MissingRateError(LookupError):
    pass


def convert(amount: Decimal, source: str, target: str, rates: dict[str, Decimal]) -> Decimal:
    """Convert with stored rates (each rate = units of that currency per one unit of the base). Unrounded."""
    if source == target:
        return amount
    try:
        return amount * rates[target] / rates[source]
    except KeyError as exc:
        raise MissingRateError(f"no exchange rate for {exc.args[0]}") from exc
