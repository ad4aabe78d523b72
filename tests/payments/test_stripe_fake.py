"""The Stripe test setup itself: the official SDK against localstripe, amounts in the currency's minor units."""

from decimal import Decimal

import pytest

from payments.money import from_minor_units, to_minor_units


@pytest.mark.parametrize("amount, currency, minor", [(Decimal("1234.56"), "EUR", 123456), (Decimal("1320"), "JPY", 1320),
                                                     (Decimal("12.345"), "KWD", 12345)])
def test_payment_intent_in_minor_units_with_an_idempotency_key(stripe_client, amount, currency, minor):
    assert to_minor_units(amount, currency) == minor
    params = {"amount": minor, "currency": currency.lower(), "payment_method": "pm_card_visa",
              "metadata": {"order": "CR-2026-000001"}}
    key = f"test-{currency}-{minor}"
    intent = stripe_client.payment_intents.create(params=params, options={"idempotency_key": key})
    assert intent.amount == minor and intent.currency == currency.lower()
    assert from_minor_units(intent.amount, currency) == amount
    assert intent.metadata["order"] == "CR-2026-000001"
    confirmed = stripe_client.payment_intents.confirm(intent.id)
    assert confirmed.status == "succeeded"


def test_partial_refund_through_the_sdk(stripe_client):
    intent = stripe_client.payment_intents.create(params={"amount": 5000, "currency": "eur", "payment_method": "pm_card_visa"})
    stripe_client.payment_intents.confirm(intent.id)
    refund = stripe_client.refunds.create(params={"payment_intent": intent.id, "amount": 1500})
    assert refund.amount == 1500 and refund.status == "succeeded"


def test_a_declined_card_is_an_error_not_a_payment(stripe_client):
    import stripe

    card = {"number": "4000000000000341", "exp_month": 12, "exp_year": 2030, "cvc": "123"}  # the "charge declined" test card
    method = stripe_client.payment_methods.create(params={"type": "card", "card": card})
    with pytest.raises(stripe.CardError):
        intent = stripe_client.payment_intents.create(params={"amount": 5000, "currency": "eur", "payment_method": method.id})
        stripe_client.payment_intents.confirm(intent.id)
