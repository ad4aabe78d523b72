"""The interface every payment provider implements (Stripe, bank transfer, cash on delivery, …).

A provider is a class registered by its dotted path in `settings.CARAVAN_PAYMENT_PROVIDERS`; its `code` is what
payments, carts and orders store. The generic services (`payments.services`) and the shop ask the provider; they
never branch on a provider's code and never import a provider's SDK. What a provider does:

- who it is: `code`, `label`, `is_available()` (e.g. its keys are configured), and flags the pages and e-mails read
  (`pays_online`, `awaits_transfer`, `collects_on_delivery`);
- starting a payment: `start(payment)` runs inside the placing transaction right after the Payment row is made (no
  network call);
- the pay page of an online provider: `pay_page(...)` returns a `PayPage` (template and context), raising
  `ProviderUnavailable` when the provider cannot be reached;
- refunds: `refund(payment, refund)` makes the refund at the provider; `payments.services.refund_payment` keeps the
  lock, the limits and the records;
- webhooks: `handle_webhook(request)` answers the provider's notifications (`/payments/<code>/webhook/`);
- cancelling: `cancel(payment)` makes sure the buyer can no longer pay;
- reconciliation: `reconcile(since)` applies what missed notifications would have said;
- deadlines: `unpaid_order_timeout()` and `unconfirmed_order_timeout()` tell the shop's sweep when an unpaid (or
  unconfirmed) order is cancelled.

See docs/architecture.md §4 ("Add a payment provider")."""

from dataclasses import dataclass, field
from datetime import timedelta

from django.http import Http404, HttpResponse

from ..models import Payment, Refund


class ProviderUnavailable(Exception):
    """The provider cannot be reached or is not configured now; nothing changed, the buyer may try again later."""


class RefundError(ValueError):
    """A refund that cannot be made; the message is for the merchant."""


@dataclass(frozen=True)
class PayPage:
    """What an online provider's pay page shows: `state` "pay" (the payment form: `template`, included by the shop's pay
    page, with `context`) or "processing" (the provider is still confirming the money; nothing to pay)."""

    state: str
    template: str = ""
    context: dict = field(default_factory=dict)


@dataclass(frozen=True)
class ProviderRefund:
    """The provider's answer to a refund: its id there, and whether the money is on its way already (False: the
    provider confirms later, e.g. by a webhook, and the refund stays pending until then)."""

    reference: str = ""
    completed: bool = True


class PaymentProvider:
    """Base class of the providers; the defaults are an offline provider's (staff mark it paid, nothing to call)."""

    code: str = ""
    label = ""
    # The buyer pays on the provider's pay page after placing the order; the provider's events confirm the payment.
    pays_online: bool = False
    # The buyer transfers the money to the seller's account (pages and e-mails show the bank details and deadline).
    awaits_transfer: bool = False
    # The buyer pays the carrier on delivery: nothing is paid up front, so an order from an unverified e-mail waits
    # for confirmation, and the order is invoiced when it ships.
    collects_on_delivery: bool = False

    def is_available(self) -> bool:
        """Whether it can be offered now (e.g. its keys are configured)."""
        return True

    def start(self, payment: Payment) -> None:
        """The order's pending Payment row was just made, inside the placing transaction: add to it what the provider
        needs (no network call here; an online provider reaches its service from the pay page)."""

    def pay_page(self, request, payment: Payment, *, order_number: str, return_url: str) -> PayPage:
        """The pay page of an order awaiting this online payment. Asks the provider for the payment's real state and
        applies it (so a lost notification never leaves the buyer waiting). Raises ProviderUnavailable."""
        raise NotImplementedError(f"{type(self).__name__} has no pay page: it does not pay online")

    def refund(self, payment: Payment, refund: Refund) -> ProviderRefund:
        """Give `refund.amount` of `payment` back at the provider, with `refund.idempotency_key` (a retry refunds once).
        Called under the payment's row lock; raises RefundError (nothing is then recorded). Offline: the merchant pays
        it back by hand and records it, so it is done."""
        return ProviderRefund()

    def handle_webhook(self, request) -> HttpResponse:
        """Answer the provider's notification (verify it, store it once, apply it). 404 when it sends none."""
        raise Http404("this payment provider sends no webhooks")

    def cancel(self, payment: Payment) -> bool:
        """Make sure the buyer can no longer pay `payment` (its order is being cancelled). False when the provider says
        the money is on its way already (its real state is then applied). Called outside transactions."""
        return True

    def reconcile(self, since) -> list[str]:
        """Apply what missed notifications would have said for this provider's payments created since `since`; a line
        per payment changed or not checkable. Raises ProviderUnavailable when the provider is not configured."""
        return []

    def unpaid_order_timeout(self) -> timedelta | None:
        """How long an order waits for this payment before the sweep cancels it (None: never for being unpaid)."""
        return None

    def unconfirmed_order_timeout(self) -> timedelta | None:
        """How long an order that needs the buyer's confirmation (`collects_on_delivery` from an unverified e-mail)
        waits for it before the sweep cancels it (None: such orders never wait)."""
        return None

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.code}>"
