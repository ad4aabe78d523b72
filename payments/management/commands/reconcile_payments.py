"""Repair payments whose provider notification (Stripe webhook) was missed: `python manage.py reconcile_payments [--days 7]`."""

from datetime import timedelta

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from payments.providers import ProviderUnavailable
from payments.services import reconcile_payments


class Command(BaseCommand):
    help = "Compare recent payments with their state at the payment provider (Stripe's PaymentIntents) and apply missed state changes."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=7, help="look at payments created in the last N days (default 7)")

    def handle(self, *args, days, **options):
        try:
            changes = reconcile_payments(timezone.now() - timedelta(days=days))
        except ProviderUnavailable as exc:
            raise CommandError(str(exc)) from None
        for line in changes:
            self.stdout.write(line)
        self.stdout.write(f"{sum(1 for line in changes if '→' in line)} payment(s) changed.")
